using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;
using PolicyBot.Core.Knowledge.Answering;
using PolicyBot.Core.Knowledge.Conversations;
using PolicyBot.Core.Knowledge.Feedback;

namespace PolicyBot.Core.Knowledge.Commands;

/// <summary>
/// <c>ask [--article &lt;slug&gt;] &lt;question&gt;</c>: a grounded answer with quotes, or an honest decline; a follow-up
/// ("why?", "who said that?") is read with the member's earlier question (<see cref="ConversationalAnswerer"/>).
/// </summary>
public sealed partial class AskCommand(
    ConversationalAnswerer answerer,
    IArticleSource articles,
    IAnswerFeedbackStore feedback,
    TimeProvider clock,
    IOptions<KnowledgeOptions> options,
    ILogger<AskCommand> logger,
    CommandSyntax? syntax = null) : ICommandHandler
{
    private readonly CommandSyntax _syntax = syntax ?? CommandSyntax.Default();

    public CommandDeclaration Definition { get; } = new(
        "ask",
        "Ask what the article says; the answer quotes it with paragraph numbers.",
        "[--article <slug> | <slug>:] <question>")
    {
        Arguments = [new CommandArgument("question", "Your question; start with `--article <slug>` or `<slug>:` to pick an article")],
        Examples = ["What does the author want done?", "--article <slug> Who disagrees with the author?"],
    };

    public async Task<Reply> HandleAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        if (!ArticleSelector.TrySplit(articles.Current, invocation.Arguments, out var slug, out var question, out var error))
        {
            return error!;
        }

        if (question.Length == 0)
        {
            var platform = invocation.Conversation.Platform;
            return Reply.Error($"Ask me a question about the article, e.g. `{_syntax.Of(platform, "ask", Definition.Examples[0])}`. Usage: `{_syntax.Of(platform, "ask", Definition.Usage)}`.");
        }

        var max = options.Value.MaxQuestionLength;
        if (question.Length > max)
        {
            return Reply.Error($"That question is {question.Length:N0} characters long; please keep it under {max:N0} and ask again.");
        }

        var answered = await answerer.AnswerAsync(question, slug, FollowUpCue.Of(invocation), cancellationToken).ConfigureAwait(false);
        var answerId = await TryRecordAsync(answered.Answer, invocation, cancellationToken).ConfigureAwait(false);
        return AnswerReplyBuilder.Build(answered.Answer, answerId) with { FollowUpKey = ConversationMemory.KeyFor(answered.Exchange) };
    }

    // Feedback is a bonus: if the database is down the member still gets the answer, just without rating buttons.
    private async Task<string?> TryRecordAsync(Answer answer, CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var answerId = AnswerIds.New();
        try
        {
            await feedback.RecordAnswerAsync(
                new AnswerRecord(
                    answerId,
                    answer.Question,
                    answer.Citations.FirstOrDefault()?.ArticleSlug ?? answer.Article?.Slug,
                    answer.Declined,
                    answer.Citations.FirstOrDefault()?.Paragraph,
                    invocation.Conversation,
                    invocation.Sender.UserId,
                    clock.GetUtcNow()),
                cancellationToken).ConfigureAwait(false);
            return answerId;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRecordFailed(ex, invocation.DeliveryId);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store the answer for delivery {DeliveryId}; replying without rating buttons")]
    private partial void LogRecordFailed(Exception exception, string deliveryId);
}
