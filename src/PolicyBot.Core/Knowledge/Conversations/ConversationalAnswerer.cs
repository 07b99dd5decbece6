using PolicyBot.Core.Chat;
using PolicyBot.Core.Knowledge.Answering;
using PolicyBot.Core.Knowledge.Feedback;
using PolicyBot.Core.Knowledge.Generation;

namespace PolicyBot.Core.Knowledge.Conversations;

/// <summary>An answer in a conversation, and the exchange remembered for it (its id is the reply's follow-up key).</summary>
public sealed record ConversationalAnswer(Answer Answer, Exchange Exchange, GenerationOutcome Generation);

/// <summary>
/// <c>ask</c> in a conversation: a question that follows up the member's earlier answer (<see cref="ConversationMemory"/>)
/// and has a follow-up's shape (<see cref="FollowUpReader"/>) is read with it: answered from the earlier answer's
/// paragraphs when they hold the answer (<see cref="ContextAnswers"/>), else asked again with the earlier question's
/// words; a follow-up the context does not resolve is asked plainly as a new question. The answering stages themselves
/// are untouched: they see a question, as always. When a language model is configured the answer is then phrased by it
/// (<see cref="AnswerWriter"/>).
/// </summary>
public sealed class ConversationalAnswerer(
    IAnswerer answerer,
    IArticleSource articles,
    ConversationMemory memory,
    TimeProvider clock,
    AnswerWriter? writer = null)
{
    private const int ShownQuestionLength = 120;

    public async Task<ConversationalAnswer> AnswerAsync(string question, string? articleSlug, FollowUpCue cue, CancellationToken cancellationToken)
    {
        var earlier = memory.Recall(cue);
        var followUp = earlier is null ? null : await FollowUpAsync(question, articleSlug, earlier, cancellationToken).ConfigureAwait(false);
        var answer = followUp?.Answer ?? await answerer.AnswerAsync(question, articleSlug, cancellationToken).ConfigureAwait(false);
        var asked = followUp?.Asked ?? question;
        var generation = GenerationOutcome.Skipped;
        // A context answer is exact already (the paragraph in full, whose view it is): nothing for a model to phrase.
        if (writer is not null && followUp?.FromContext != true)
        {
            var written = await writer.WriteAsync(new WritingTask(answer, asked, followUp is null ? null : earlier, $"{cue.Conversation.Platform}:{cue.MemberId}"), cancellationToken)
                .ConfigureAwait(false);
            (answer, generation) = (written.Answer, written.Outcome);
        }

        var exchange = Exchange.From(AnswerIds.New(), asked, answer, clock.GetUtcNow(), cue.Conversation.ThreadId);
        if (followUp?.Holder is { } holder && exchange.Holder is null && !answer.Declined)
        {
            exchange = exchange with { Holder = holder };
        }

        memory.Remember(cue, exchange);
        return new ConversationalAnswer(answer, exchange, generation);
    }

    private async Task<FollowUp?> FollowUpAsync(string question, string? articleSlug, Exchange earlier, CancellationToken cancellationToken)
    {
        var read = FollowUpReader.Read(question);
        if (read.Kind == FollowUpKind.None)
        {
            return null;
        }

        var slug = articleSlug ?? earlier.ArticleSlug;
        var article = slug is not null && slug == earlier.ArticleSlug && articles.Current.TryGet(slug, out var found) ? found : null;
        if (article is not null && ContextAnswers.TryAnswer(read.Kind, question, earlier, article) is { } direct)
        {
            return new FollowUp(direct with { ReadAs = $"Following up “{Shown(earlier.Question)}”" }, earlier.Question, earlier.Holder, FromContext: true);
        }

        if (slug is not null && !articles.Current.TryGet(slug, out _))
        {
            slug = articleSlug;
        }

        // "she" is the author when the earlier passage was the author's: the article names the author only in its byline.
        var holder = earlier.Holder is { } h && article is not null && PositionDeriver.IsAuthorsVoice(h, article) ? "the author" : earlier.Holder;
        foreach (var rewritten in Rewrites(read, question, earlier.Question, holder))
        {
            var answer = await answerer.AnswerAsync(rewritten, slug, cancellationToken).ConfigureAwait(false);
            if (!answer.Declined)
            {
                return new FollowUp(answer with { ReadAs = $"Read with your earlier question as “{Shown(rewritten)}”" }, rewritten, null);
            }
        }

        return null;
    }

    // The question again with the earlier one's words, most specific first; the pipeline decides whether any is answered.
    private static IEnumerable<string> Rewrites(FollowUpQuestion read, string question, string earlier, string? holder)
    {
        switch (read.Kind)
        {
            case FollowUpKind.Why:
                yield return $"Why? {earlier}";
                break;
            case FollowUpKind.WhatAbout when read.Topic is { } topic:
                if (FollowUpReader.Substitute(earlier, topic) is { } substituted)
                {
                    yield return substituted;
                }

                yield return $"{earlier} What about {topic}?";
                break;
            case FollowUpKind.Leaning:
                if (holder is not null && FollowUpReader.NamePeople(question, holder) is var named && named != question)
                {
                    yield return named;
                }

                yield return $"{question} ({earlier})";
                break;
        }
    }

    private static string Shown(string question) =>
        MentionGuard.Defuse(question.Length <= ShownQuestionLength ? question : question[..(ShownQuestionLength - 1)].TrimEnd() + "…");

    private sealed record FollowUp(Answer Answer, string Asked, string? Holder, bool FromContext = false);
}
