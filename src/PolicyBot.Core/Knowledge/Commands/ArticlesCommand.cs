using System.Text;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;
using PolicyBot.Core.Knowledge.Answering;

namespace PolicyBot.Core.Knowledge.Commands;

/// <summary><c>articles</c>: what the bot can answer about now (the folder is followed while the bot runs).</summary>
public sealed class ArticlesCommand(IArticleSource articles, ArticleIndexes indexes, CommandSyntax? syntax = null) : ICommandHandler
{
    private readonly CommandSyntax _syntax = syntax ?? CommandSyntax.Default();

    public CommandDeclaration Definition { get; } = new("articles", "List the articles I can answer questions about.");

    public Task<Reply> HandleAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var library = articles.Current;
        if (library.Articles.IsEmpty)
        {
            return Task.FromResult(new Reply("No article is loaded yet; an admin can add one to the articles folder.") { Title = "Articles" });
        }

        var text = new StringBuilder();
        foreach (var article in library.Articles)
        {
            text.Append("• `").Append(article.Slug).Append("` — “").Append(MentionGuard.Defuse(article.Title)).Append("”, ")
                .Append(MentionGuard.Defuse(article.Author)).Append(", ").Append(MentionGuard.Defuse(article.Outlet))
                .Append($" ({article.ParagraphCount} paragraphs, ")
                .Append(article.Positions.IsEmpty ? "positions derived" : $"{article.Positions.Length} curated positions")
                .Append(article.LabelledQuestions.IsEmpty ? string.Empty : $", {article.LabelledQuestions.Length:N0} labelled questions")
                .Append(')');
            if (!indexes.IsReady(article))
            {
                text.Append(" _(getting ready)_");
            }

            if (ReferenceEquals(article, library.Default) && library.Articles.Length > 1)
            {
                text.Append(" _(default)_");
            }

            text.AppendLine();
        }

        if (library.Articles.Length > 1)
        {
            var platform = invocation.Conversation.Platform;
            text.Append($"Pick one with `{_syntax.Of(platform, "ask", "--article <slug> <question>")}` or `{_syntax.Of(platform, "ask", "<slug>: <question>")}`.");
        }

        return Task.FromResult(new Reply(text.ToString().TrimEnd()) { Title = "Articles" });
    }
}
