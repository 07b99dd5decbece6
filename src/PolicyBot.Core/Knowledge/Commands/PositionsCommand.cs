using System.Text;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;

namespace PolicyBot.Core.Knowledge.Commands;

/// <summary><c>positions [slug]</c>: each position of the article in one line.</summary>
public sealed class PositionsCommand(ArticleLibrary library) : ICommandHandler
{
    public CommandDeclaration Definition { get; } = new("positions", "List the positions the article takes, one per line.", "[article-slug]")
    {
        Arguments = [new CommandArgument("article-slug", "Which article, when several are loaded", Required: false)],
    };

    public Task<Reply> HandleAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var slug = invocation.Arguments.Trim();
        if (slug.Length > 0 && !library.TryGet(slug, out _))
        {
            return Task.FromResult(ArticleSelector.UnknownArticle(library, slug));
        }

        var article = ArticleSelector.Resolve(library, slug.Length > 0 ? slug : null);
        if (article is null)
        {
            return Task.FromResult(ArticleSelector.ChooseArticle(library, $"positions {library.Articles[0].Slug}"));
        }

        var text = new StringBuilder();
        if (article.Positions.Length == 0)
        {
            text.Append("No positions are curated for this article yet; `ask` still searches its paragraphs.");
        }

        foreach (var position in article.Positions)
        {
            text.Append("• **").Append(position.Title).Append("** — ").Append(position.Holder)
                .Append(" (¶").AppendJoin(", ¶", position.Paragraphs).AppendLine(")");
        }

        return Task.FromResult(new Reply(text.ToString().TrimEnd()) { Title = $"Positions in “{article.Title}”", Footer = article.Attribution });
    }
}
