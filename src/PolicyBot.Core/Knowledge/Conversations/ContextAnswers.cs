using System.Collections.Immutable;
using System.Text.RegularExpressions;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Knowledge.Text;
using PolicyBot.Core.Knowledge.Answering;

namespace PolicyBot.Core.Knowledge.Conversations;

/// <summary>
/// Answers a follow-up from the earlier answer alone, when its paragraphs hold the answer: the paragraphs in full
/// ("quote it"), whose view they are ("who said that?"), the reason they give ("why?"). Every quote is cut from the
/// article as it is now, so an article edited since the earlier answer is never misquoted; null when the context does
/// not resolve the question.
/// </summary>
public static partial class ContextAnswers
{
    private const int MaxParagraphs = 2;
    private const int ShortSentence = 70;

    public static Answer? TryAnswer(FollowUpKind kind, string question, Exchange earlier, Article article)
    {
        var paragraphs = StillCited(earlier, article);
        if (paragraphs.IsEmpty)
        {
            return null;
        }

        return kind switch
        {
            FollowUpKind.Quote => InFull(question, paragraphs, article),
            FollowUpKind.Who when earlier.Holder is { Length: > 0 } holder => WhoseView(question, holder, earlier, paragraphs[0], article),
            FollowUpKind.Why => Reason(question, earlier, paragraphs, article),
            _ => null,
        };
    }

    private static Answer InFull(string question, ImmutableArray<int> paragraphs, Article article)
    {
        var shown = paragraphs.Take(MaxParagraphs).ToArray();
        var which = shown.Length == 1 ? $"Paragraph {shown[0]}" : $"Paragraphs {shown[0]} and {shown[1]}";
        return Direct(question, $"{which} of “{article.Title}”, in full:", [.. shown.Select(p => new Citation(article.Slug, p, article.Paragraph(p)))], article, "the earlier answer's paragraphs in full");
    }

    private static Answer WhoseView(string question, string holder, Exchange earlier, int paragraph, Article article)
    {
        var summary = PositionDeriver.IsAuthorsVoice(holder, article)
            ? $"It is the author's own view: {article.Author} (¶{paragraph})."
            : $"It is the view of {holder}, as the article reports it (¶{paragraph}).";
        return Direct(question, MentionGuard.Defuse(summary), [.. earlier.Citations.Where(c => c.Paragraph == paragraph).Take(1)], article, "whose view the earlier answer is");
    }

    // The sentence nearest the earlier answer that gives a reason ("because", "so that", "lest" ...): in its paragraphs
    // first, then in the paragraph after each.
    private static Answer? Reason(string question, Exchange earlier, ImmutableArray<int> paragraphs, Article article)
    {
        var quoted = earlier.Citations.Select(c => c.Quote).ToArray();
        var places = paragraphs.Concat(paragraphs.Select(p => p + 1)).Where(article.HasParagraph).Distinct();
        (int Paragraph, string Text, bool Quoted)? fallback = null;
        foreach (var p in places)
        {
            var text = article.Paragraph(p);
            var sentences = SentenceSplitter.Split(text);
            for (var s = 0; s < sentences.Count; s++)
            {
                if (!Causal().IsMatch(sentences[s]))
                {
                    continue;
                }

                var quote = sentences[s].Length < ShortSentence && s + 1 < sentences.Count ? Span(text, sentences[s], sentences[s + 1]) : sentences[s];
                var alreadyQuoted = quoted.Any(q => q.Contains(sentences[s], StringComparison.Ordinal));
                if (!alreadyQuoted)
                {
                    return Direct(question, $"The reason the article gives (¶{p}):", [new Citation(article.Slug, p, quote)], article, "the reason given near the earlier answer");
                }

                fallback ??= (p, quote, true);
            }
        }

        return fallback is { } found
            ? Direct(question, $"The reason the article gives (¶{found.Paragraph}):", [new Citation(article.Slug, found.Paragraph, found.Text)], article, "the reason given near the earlier answer")
            : null;
    }

    /// <summary>Whether <paramref name="holder"/> is the article's author ("The author (on ...)", "the editors", their name).</summary>
    private static string Span(string paragraph, string first, string last)
    {
        var start = paragraph.IndexOf(first, StringComparison.Ordinal);
        var end = paragraph.IndexOf(last, start, StringComparison.Ordinal) + last.Length;
        return paragraph[start..end];
    }

    // The earlier answer's paragraphs whose quotes the article still holds verbatim.
    private static ImmutableArray<int> StillCited(Exchange earlier, Article article) =>
        [.. earlier.Citations
            .Where(c => c.ArticleSlug == article.Slug && article.HasParagraph(c.Paragraph) && article.Paragraph(c.Paragraph).Contains(c.Quote, StringComparison.Ordinal))
            .Select(c => c.Paragraph)
            .Distinct()];

    private static Answer Direct(string question, string summary, ImmutableArray<Citation> citations, Article article, string reason) =>
        new(question, false, summary, citations, article, null, new AnswerSignals(1, reason) { Candidates = [.. citations.Select(c => (c.Paragraph, 1.0))] });

    [GeneratedRegex(
        @"\b(?:because|since|so that|in order to|so as to|the reason|reasons?|due to|given that|after all|lest|otherwise|that is why|that's why|which is why|thus|therefore|hence|aims? (?:is|to)|goal is|to make sure|to ensure|insurance against)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Causal();
}
