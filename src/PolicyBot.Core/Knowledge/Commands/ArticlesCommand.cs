using System.Text;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;

namespace PolicyBot.Core.Knowledge.Commands;

/// <summary><c>articles</c>: what the bot can answer about.</summary>
public sealed class ArticlesCommand(ArticleLibrary library) : ICommandHandler
{
    public CommandDeclaration Definition { get; } = new("articles", "List the articles I can answer questions about.");

    public Task<Reply> HandleAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        foreach (var article in library.Articles)
        {
            text.Append("• `").Append(article.Slug).Append("` — “").Append(article.Title).Append("”, ")
                .Append(article.Author).Append(", ").Append(article.Outlet)
                .Append($" ({article.ParagraphCount} paragraphs, {article.Positions.Length} positions)");
            if (ReferenceEquals(article, library.Default) && library.Articles.Length > 1)
            {
                text.Append(" _(default)_");
            }

            text.AppendLine();
        }

        if (library.Articles.Length > 1)
        {
            text.Append("Pick one with `ask --article <slug> <question>` or `ask <slug>: <question>`.");
        }

        return Task.FromResult(new Reply(text.ToString().TrimEnd()) { Title = "Articles" });
    }
}
