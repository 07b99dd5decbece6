using System.Collections.Frozen;
using System.Collections.Immutable;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Knowledge.Text;

namespace PolicyBot.Core.Knowledge.Answering;

/// <summary>
/// Questions about whom the piece quotes or reports ("who is quoted?", "what do critics say?", "who disagrees with the
/// author?") name no topic either, so the stages decline them. They are answered from the article's positions (curated,
/// or derived with their holders by <see cref="PositionDeriver"/>): the paragraphs held by someone other than the author.
/// Derived attribution finds few of them but rarely a wrong one: on 25 op-eds with the reporting paragraphs labelled by
/// hand (132 in all), 52 of the 56 paragraphs listed were labelled ones, and the answer's quote was one for 15 of 18
/// articles answered; hence "include", never a complete list.
/// </summary>
public static class ReportedViews
{
    // Words that ask for the other voices in a piece; a question made only of these, framing and function words asks for them.
    private static readonly FrozenSet<string> Cues = FrozenSet.ToFrozenSet(
    [
        "quoted", "quotes", "cite", "cites", "cited", "critic", "critics", "disagree", "disagrees", "disagreement",
        "opponent", "opponents", "oppose", "opposes", "opposed", "others", "sources", "experts", "voices", "else",
        "side", "sides", "sceptics", "skeptics", "detractors",
    ]);

    private static readonly FrozenSet<string> Neutral = FrozenSet.ToFrozenSet(
    [
        "who", "whom", "whose", "other", "does", "do", "people", "anyone", "someone", "board", "writer", "this", "it", "he",
        "she", "they", "him", "her", "them", "with", "against",
    ]);

    private const int ListedViews = 6;

    /// <summary>Whether <paramref name="question"/> asks whom the article quotes or reports, naming no topic.</summary>
    public static bool Asks(string question) => TopicFreeQuestion.Matches(question, Cues, Neutral);

    /// <summary>
    /// The views the article reports besides its author's, quoting the first; null when none was found (attribution is
    /// read from plain reporting verbs and can miss some, so "nobody" is not claimed: the question is declined as usual).
    /// </summary>
    public static Answer? TryCompose(string question, ArticleIndex index)
    {
        var article = index.Article;
        var author = PositionDeriver.AuthorPhrase(article);
        var reported = index.Positions.Where(p => p.Holder.Length > 0 && !PositionDeriver.IsAuthorsVoice(p.Holder, article)).ToArray();
        var signals = new AnswerSignals(1, "asks whom the article reports");
        if (reported.Length == 0)
        {
            return null;
        }

        var listed = string.Join("; ", reported.Take(ListedViews).Select(p => $"{MentionGuard.Defuse(p.Holder)} (¶{string.Join(", ¶", p.Paragraphs)})"));
        var more = reported.Length > ListedViews ? $"; and {reported.Length - ListedViews} more" : string.Empty;
        var first = reported[0].Paragraphs[0];
        var surname = reported[0].Holder.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
        var sentences = index.Text.Sentences[first - 1];
        var citation = AnswerComposer.Quote(index.Text, first, s => sentences[s].Contains(surname, StringComparison.Ordinal) ? 1 : 0);
        return new Answer(question, false, $"Views the piece reports besides {PositionDeriver.Possessive(author)} own include: {listed}{more}.", [citation], article, reported[0], signals);
    }
}
