using System.Collections.Immutable;
using PolicyBot.Core.Chat;

namespace PolicyBot.Core.Knowledge.Conversations;

/// <summary>One question and its answer, kept so the member's next question can be read with it.</summary>
/// <param name="Id">The key the answer's reply carries (<see cref="Reply.FollowUpKey"/>), to learn where it was posted.</param>
/// <param name="Question">The question as it was read (a follow-up: as it was resolved).</param>
/// <param name="ArticleSlug">The article the answer (or decline) was about, when one.</param>
/// <param name="Citations">The paragraphs the answer quoted; empty for a decline.</param>
/// <param name="Holder">Whose view the first cited passage is, when known.</param>
/// <param name="ThreadId">The thread the question was asked in (Slack), where the answer went too.</param>
public sealed record Exchange(
    string Id,
    string Question,
    string? ArticleSlug,
    ImmutableArray<Citation> Citations,
    string? Holder,
    bool Declined,
    DateTimeOffset At,
    string? ThreadId)
{
    public static Exchange From(string id, string question, Answer answer, DateTimeOffset at, string? threadId) =>
        new(id, question, answer.Citations.FirstOrDefault()?.ArticleSlug ?? answer.Article?.Slug, answer.Declined ? [] : answer.Citations,
            answer.Declined ? null : answer.Position?.Holder, answer.Declined, at, threadId);
}

/// <summary>What an invocation tells about where a question was asked, to find the answer it may follow up.</summary>
/// <param name="RepliedToMessageId">The message the question replies to (Discord), when it is a reply.</param>
public sealed record FollowUpCue(ConversationRef Conversation, string MemberId, string? RepliedToMessageId)
{
    public static FollowUpCue Of(CommandInvocation invocation) =>
        new(invocation.Conversation, invocation.Sender.UserId, invocation.RepliedToMessageId);
}
