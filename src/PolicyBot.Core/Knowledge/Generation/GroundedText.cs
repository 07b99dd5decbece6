using System.Text.RegularExpressions;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Knowledge.Text;

namespace PolicyBot.Core.Knowledge.Generation;

/// <summary>
/// The checks between the model's words and the member: the text made safe to post, quotations in it held against the
/// paragraphs, and the verbatim quotes the bot cuts from the paragraphs the model cited.
/// </summary>
public static partial class GroundedText
{
    private const int ShortSentence = 70;

    /// <summary>
    /// One plain line: control characters removed, whitespace (and the line breaks a "&gt; quote" would need) collapsed,
    /// mass and role mentions defused, cut at <paramref name="maxLength"/> on a word boundary.
    /// </summary>
    public static string Safe(string text, int maxLength)
    {
        var line = MentionGuard.Defuse(Whitespace().Replace(ControlCharacters.Strip(text), " ").Trim());
        if (line.Length > maxLength)
        {
            var cut = line.LastIndexOf(' ', maxLength - 1);
            line = line[..(cut > maxLength / 2 ? cut : maxLength - 1)].TrimEnd() + "…";
        }

        return line;
    }

    /// <summary>True when the text puts words in quotation marks that none of <paramref name="paragraphs"/> holds.</summary>
    public static bool QuotesBeyond(string text, IEnumerable<string> paragraphs)
    {
        var sources = paragraphs.Select(Comparable).ToArray();
        return Quotation().Matches(text)
            .Select(m => Comparable(m.Groups["q"].Value))
            .Where(q => q.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3)
            .Any(q => !sources.Any(s => s.Contains(q, StringComparison.Ordinal)));
    }

    /// <summary>
    /// The sentence of <paramref name="paragraph"/> sharing the most words with <paramref name="answer"/> (with its
    /// neighbour when short), cut from the paragraph so it is verbatim.
    /// </summary>
    public static string QuoteFor(string paragraph, string answer)
    {
        var sentences = SentenceSplitter.Split(paragraph);
        if (sentences.Count == 0)
        {
            return paragraph;
        }

        var wanted = TextAnalyzer.Terms(answer).ToHashSet(StringComparer.Ordinal);
        var scores = sentences.Select(s => TextAnalyzer.Terms(s).Distinct().Count(wanted.Contains)).ToArray();
        var best = Array.IndexOf(scores, scores.Max());
        var last = sentences[best].Length < ShortSentence && best + 1 < sentences.Count ? best + 1 : best;
        var start = paragraph.IndexOf(sentences[best], StringComparison.Ordinal);
        var end = paragraph.IndexOf(sentences[last], start, StringComparison.Ordinal) + sentences[last].Length;
        return paragraph[start..end];
    }

    // Case, curly quotes and spacing aside, so "the deadline is meaningless" matches the article's own words.
    private static string Comparable(string text) =>
        Whitespace().Replace(text.Replace('’', '\'').Replace('‘', '\'').Trim(), " ").ToLowerInvariant();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[“""«„](?<q>[^”""»“„]{8,})[”""»“]")]
    private static partial Regex Quotation();
}
