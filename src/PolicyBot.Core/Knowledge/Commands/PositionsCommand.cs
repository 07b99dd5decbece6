using System.Text;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;
using PolicyBot.Core.Knowledge.Answering;

namespace PolicyBot.Core.Knowledge.Commands;

/// <summary>
/// <c>positions [slug]</c>: each position of the article in one line, with who holds it: the curated ones from its
/// positions file, else one derived from each paragraph.
/// </summary>
public sealed class PositionsCommand(IArticleSource articles, ArticleIndexes indexes, CommandSyntax? syntax = null) : ICommandHandler
{
    private readonly CommandSyntax _syntax = syntax ?? CommandSyntax.Default();

    public CommandDeclaration Definition { get; } = new("positions", "List the positions the article takes or reports, and who holds each.", "[article-slug]")
    {
        Arguments = [new CommandArgument("article-slug", "Which article, when several are loaded", Required: false)],
    };

    public async Task<Reply> HandleAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var library = articles.Current;
        var slug = invocation.Arguments.Trim();
        if (slug.Length > 0 && !library.TryGet(slug, out _))
        {
            return ArticleSelector.UnknownArticle(library, slug);
        }

        var article = ArticleSelector.Resolve(library, slug.Length > 0 ? slug : null);
        if (article is null)
        {
            return library.Articles.IsEmpty
                ? Reply.Error("No article is loaded yet.")
                : ArticleSelector.ChooseArticle(library, _syntax.Of(invocation.Conversation.Platform, "positions", library.Articles[0].Slug));
        }

        var index = await indexes.GetAsync(article, cancellationToken).ConfigureAwait(false);
        var text = new StringBuilder();
        foreach (var position in index.Positions)
        {
            text.Append("• ¶").AppendJoin(", ¶", position.Paragraphs).Append(" **").Append(MentionGuard.Defuse(position.Holder)).Append("**: ")
                .AppendLine(MentionGuard.Defuse(position.Title));
        }

        var note = index.Positions.Any(p => p.Derived) ? " (derived from the paragraphs; a positions file would replace them)" : string.Empty;
        return new Reply(text.ToString().TrimEnd()) { Title = $"Positions in “{MentionGuard.Defuse(article.Title)}”{note}", Footer = article.Attribution };
    }
}
