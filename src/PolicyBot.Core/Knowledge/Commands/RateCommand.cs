using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;
using PolicyBot.Core.Knowledge.Feedback;

namespace PolicyBot.Core.Knowledge.Commands;

/// <summary>The helpful / not helpful buttons under an answer: <c>rate:&lt;answerId&gt;:up|down</c>.</summary>
public sealed class RateCommand(IAnswerFeedbackStore feedback, TimeProvider clock) : ICommandHandler
{
    public CommandDeclaration Definition { get; } = new(
        AnswerReplyBuilder.RateCommand, "Rate an answer (the buttons under each answer).", "<answer-id> up|down", Hidden: true);

    public async Task<Reply> HandleAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var parts = invocation.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !AnswerIds.IsValid(parts[0]) || parts[1] is not (AnswerReplyBuilder.Up or AnswerReplyBuilder.Down))
        {
            return Reply.Error("Use the Helpful / Not helpful buttons under an answer to rate it.");
        }

        var helpful = parts[1] == AnswerReplyBuilder.Up;
        var recorded = await feedback.RecordVoteAsync(parts[0], invocation.Sender.UserId, helpful, clock.GetUtcNow(), cancellationToken)
            .ConfigureAwait(false);
        if (!recorded)
        {
            return Reply.Error("I can't find that answer any more, so the rating was not recorded.");
        }

        return Reply.Private(helpful
            ? "Thanks! Noted as helpful."
            : "Thanks for telling me. An admin will look at questions answered badly.");
    }
}
