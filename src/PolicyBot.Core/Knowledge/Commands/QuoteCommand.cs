using System.Globalization;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;
using PolicyBot.Core.Knowledge.Answering;

namespace PolicyBot.Core.Knowledge.Commands;

/// <summary><c>quote [slug] &lt;n&gt;</c>: paragraph n of the article, verbatim.</summary>
public sealed class QuoteCommand(IArticleSource articles, CommandSyntax? syntax = null) : ICommandHandler
{
    private readonly CommandSyntax _syntax = syntax ?? CommandSyntax.Default();

    private static readonly CommandArgument ArticleSlug = new("article-slug", "Which article, when several are loaded", Required: false);

    private static readonly CommandArgument ParagraphNumber = new("n", "Paragraph number, from 1", ArgumentKind.Integer);

    public CommandDeclaration Definition { get; } = new("quote", "Show paragraph n of the article, word for word.", "[article-slug] <n>")
    {
        Arguments = [ArticleSlug, ParagraphNumber],
        Examples = ["5"],
    };

    public Task<Reply> HandleAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var (slugWord, number) = Read(invocation);
        return Task.FromResult(Handle(articles.Current, slugWord, number, invocation.Conversation.Platform));
    }

    /// <summary>The article word, if any, and the paragraph number (null when unreadable): typed when the platform sent them, else <c>[slug] n</c>.</summary>
    private static (string? SlugWord, int? Number) Read(CommandInvocation invocation)
    {
        if (invocation.Values.TryGetInteger(ParagraphNumber, out var typed))
        {
            return (invocation.Values.TryGetText(ArticleSlug, out var slug) ? slug : null, typed is >= 0 and <= int.MaxValue ? (int)typed : null);
        }

        var parts = invocation.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var slugWord = parts.Length == 2 ? parts[0] : null;
        return parts.Length is 1 or 2 && int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? (slugWord, number)
            : (slugWord, null);
    }

    private Reply Handle(ArticleLibrary library, string? slugWord, int? paragraph, string platform)
    {
        string? slug = null;
        if (slugWord is not null)
        {
            if (!library.TryGet(slugWord, out var named))
            {
                return ArticleSelector.UnknownArticle(library, slugWord);
            }

            slug = named.Slug;
        }

        if (paragraph is not { } number)
        {
            return Reply.Error($"Give a paragraph number, e.g. `{_syntax.Of(platform, "quote", "5")}`.");
        }

        var article = ArticleSelector.Resolve(library, slug);
        if (article is null)
        {
            return ArticleSelector.ChooseArticle(library, _syntax.Of(platform, "quote", $"{library.Articles[0].Slug} {number}"));
        }

        if (!article.HasParagraph(number))
        {
            return Reply.Error($"“{article.Title}” has paragraphs 1 to {article.ParagraphCount}.");
        }

        var text = article.Paragraph(number);
        return new Reply($"> {text}")
        {
            Title = $"Paragraph {number}",
            Citations = [new(article.Slug, number, text)],
            Footer = article.Attribution,
        };
    }
}
