using System.Globalization;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;
using PolicyBot.Core.Knowledge.Answering;

namespace PolicyBot.Core.Knowledge.Commands;

/// <summary><c>quote [slug] &lt;n&gt;</c>: paragraph n of the article, verbatim.</summary>
public sealed class QuoteCommand(IArticleSource articles, CommandSyntax? syntax = null) : ICommandHandler
{
    private readonly CommandSyntax _syntax = syntax ?? CommandSyntax.Default();

    public CommandDeclaration Definition { get; } = new("quote", "Show paragraph n of the article, word for word.", "[article-slug] <n>")
    {
        Arguments =
        [
            new CommandArgument("article-slug", "Which article, when several are loaded", Required: false),
            new CommandArgument("n", "Paragraph number, from 1", ArgumentKind.Integer),
        ],
        Examples = ["5"],
    };

    public Task<Reply> HandleAsync(CommandInvocation invocation, CancellationToken cancellationToken) =>
        Task.FromResult(Handle(articles.Current, invocation.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries), invocation.Conversation.Platform));

    private Reply Handle(ArticleLibrary library, string[] parts, string platform)
    {
        string? slug = null;
        if (parts.Length == 2)
        {
            if (!library.TryGet(parts[0], out var named))
            {
                return ArticleSelector.UnknownArticle(library, parts[0]);
            }

            slug = named.Slug;
        }

        if (parts.Length is 0 or > 2 || !int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
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

        var paragraph = article.Paragraph(number);
        return new Reply($"> {paragraph}")
        {
            Title = $"Paragraph {number}",
            Citations = [new(article.Slug, number, paragraph)],
            Footer = article.Attribution,
        };
    }
}
