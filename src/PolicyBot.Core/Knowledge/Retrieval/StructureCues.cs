using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace PolicyBot.Core.Knowledge.Retrieval;

/// <summary>
/// Questions about the shape of the text rather than its topic: "what's the author's third point?", "how does the
/// piece end?", "how does it open?", "how many points does she make?", "why does the headline say 'achievable'?", "when
/// was this written?".
/// Opinion pieces announce their points ("three important points"), number them ("First, ...", "And third, ..."),
/// develop their headline's words and close with their conclusion before the author note, so these map to paragraphs
/// by structure, which no similarity sees.
/// </summary>
public sealed partial class StructureCues
{
    private readonly ImmutableDictionary<int, int> _ordinalParagraphs;
    private readonly int _closingParagraph;
    private readonly int? _overviewParagraph;
    private readonly int? _datedParagraph;
    private readonly HashSet<string> _titleTerms;
    private readonly List<string>[] _paragraphTerms;
    private readonly Func<string, double> _specificity;

    /// <param name="specificity">
    /// How specific a term is in the article (<see cref="ArticleIndex.Specificity"/>); without it, the fewer paragraphs
    /// use a term, the more specific it is.
    /// </param>
    public StructureCues(Article article, Func<string, double>? specificity = null)
    {
        var ordinals = ImmutableDictionary.CreateBuilder<int, int>();
        for (var p = 1; p <= article.ParagraphCount; p++)
        {
            var match = EnumeratedOpening().Match(article.Paragraph(p));
            if (match.Success && OrdinalOf(match.Groups["ordinal"].Value) is { } n && !ordinals.ContainsKey(n))
            {
                ordinals[n] = p;
            }
        }

        _ordinalParagraphs = ordinals.ToImmutable();
        _titleTerms = TextAnalyzer.Terms(article.Title).ToHashSet(StringComparer.Ordinal);
        _paragraphTerms = [.. article.Paragraphs.Select(TextAnalyzer.Terms)];
        _specificity = specificity ?? (term => -_paragraphTerms.Count(p => p.Contains(term)));

        // The points are announced just before the first of them ("there are three important points to realize").
        _overviewParagraph = _ordinalParagraphs.TryGetValue(1, out var first) && first > 1 && Announcement().IsMatch(article.Paragraph(first - 1))
            ? first - 1
            : null;

        // "When was this written?" is answered from the front matter's date, quoting the first passage naming a month or
        // a year (the opening when none does). Without a date in the front matter, a month in the text may be history
        // ("In 1994 ..."), so the question is left to the usual search.
        _datedParagraph = string.IsNullOrWhiteSpace(article.Published) || article.ParagraphCount == 0 ? null
            : Enumerable.Range(1, article.ParagraphCount).FirstOrDefault(p => AnswerKinds.Supplies(AnswerKind.Date, article.Paragraph(p)), 1);

        // The conclusion is the last paragraph before the author note (which opens with the author's name).
        _closingParagraph = Enumerable.Range(1, article.ParagraphCount).Reverse()
            .FirstOrDefault(p => !IsAuthorNote(article, p), article.ParagraphCount);
    }

    /// <summary>True for "when was this written?": the answer is the article's date, which its front matter gives.</summary>
    public static bool AsksWhenWritten(string question) => WhenWritten().IsMatch(question);

    /// <summary>The paragraph a structural question points at, or null when the question is about a topic.</summary>
    public int? ParagraphFor(string question)
    {
        var numbered = NumberedPoint().Match(question);
        if (numbered.Success)
        {
            var word = numbered.Groups["ordinal"].Value;
            var n = word.ToLowerInvariant() is "last" or "final" ? _ordinalParagraphs.Keys.DefaultIfEmpty().Max() : OrdinalOf(word);
            if (n is { } k && _ordinalParagraphs.TryGetValue(k, out var paragraph))
            {
                return paragraph;
            }
        }

        if (Headline().IsMatch(question) && TitleParagraph(question) is { } developed)
        {
            return developed;
        }

        if (_datedParagraph is { } dated && WhenWritten().IsMatch(question))
        {
            return dated;
        }

        if (Closing().IsMatch(question))
        {
            return _closingParagraph;
        }

        if (_overviewParagraph is { } overview && Overview().IsMatch(question))
        {
            return overview;
        }

        return Opening().IsMatch(question) ? 1 : null;
    }

    // "Why does the headline call the talks achievable?": of the title's words the question uses, the most specific
    // ("achievable", not "talks"), and the first paragraph using it. Words only the title uses ("watchword") cannot
    // point anywhere.
    private int? TitleParagraph(string question)
    {
        var rarest = TextAnalyzer.Terms(question)
            .Where(t => _titleTerms.Contains(t) && _paragraphTerms.Any(p => p.Contains(t)))
            .OrderByDescending(_specificity)
            .FirstOrDefault();
        if (rarest is null)
        {
            return null;
        }

        return Array.FindIndex(_paragraphTerms, terms => terms.Contains(rarest)) + 1;
    }

    private static bool IsAuthorNote(Article article, int paragraph) =>
        article.Author.Length > 0 && article.Paragraph(paragraph).StartsWith(article.Author, StringComparison.OrdinalIgnoreCase);

    private static int? OrdinalOf(string word) => word.ToLowerInvariant() switch
    {
        "first" or "firstly" or "1st" or "one" or "1" => 1,
        "second" or "secondly" or "2nd" or "two" or "2" => 2,
        "third" or "thirdly" or "3rd" or "three" or "3" => 3,
        "fourth" or "fourthly" or "4th" or "four" or "4" => 4,
        "fifth" or "5th" or "five" or "5" => 5,
        _ => null,
    };

    // "First, our goals..." / "And third, lest we forget" / "Secondly: ..."
    [GeneratedRegex(@"^\W*(?:(?:and|but|finally)\s+)?(?<ordinal>first|firstly|second|secondly|third|thirdly|fourth|fourthly|fifth)\b\s*[,:;—–-]", RegexOptions.IgnoreCase)]
    private static partial Regex EnumeratedOpening();

    // "the third point", "her second argument", "last reason"; "her first piece of advice" or "the author's second
    // suggestion" only when the author's (not "trump's first piece of advice", "any final suggestions?"). Not "thing" or "step": "the first thing the US should
    // do" asks about a topic.
    // "Point number two", "reason #3", "point two?" and "the first of her three points" too; not "any reason two summits
    // failed" (a bare number counts only at the end of a clause).
    [GeneratedRegex(@"\b(?<ordinal>first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th|last|final)\s+(?:main\s+|key\s+|big\s+)?(?:point|argument|reason|lesson|takeaway|recommendation|consideration|principle)s?\b|\b(?:her|his|(?:the\s+)?(?:author|writer|columnist|article|piece|op-?ed)['’]s)\s+(?<ordinal>first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th|last|final)\s+(?:suggestion|(?:piece\s+of\s+)?advice)s?\b|\b(?:point|argument|reason|lesson|takeaway|recommendation)\s+(?:(?:number\s+|no\.\s*|#\s*)(?<ordinal>one|two|three|four|five|[1-5])\b|(?<ordinal>one|two|three|four|five|[1-5])(?=\s*(?:[?.!,]|$)))|\bpoint\s+#?(?<ordinal>[1-5])\b(?!\s*(?:%|percent|million|billion|years?)\b)|\b(?<ordinal>first|second|third|fourth|fifth|last|final)\s+(?:one\s+)?of\s+(?:the|her|his|their|its|these|those|the\s+(?:author|writer)['’]s)\s+(?:[\w-]+\s+){0,2}?(?:points|arguments|reasons|lessons|takeaways|recommendations)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NumberedPoint();

    // "how does the article end?", "what is the conclusion?", "how does the piece wrap up?"; the text must be the
    // subject of "end" or "conclude", so "will it end in war?" and "when will the talks conclude?" stay topical.
    [GeneratedRegex(@"\b(?:conclusion|concluding\s+(?:thought|paragraph|line)s?|closing\s+(?:thought|argument|paragraph|line)s?|(?:last|final)\s+paragraph|(?:article|piece|op-?ed|essay|column|author|writer)\s+(?:end|ends|close|closes|finish|finishes|conclude|concludes|wrap|wraps)(?:\s+up)?|wrap(?:s|ped)?\s+(?:it\s+)?up)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Closing();

    // "how many points does she make?", "how is the op-ed organized?", "how does the author introduce her points?", "what
    // is the article about?", "can you summarize it?"; not
    // "how many lessons did the US learn from Libya?" (the count must be of the piece's points).
    [GeneratedRegex(@"\bhow\s+many\s+(?:main\s+|key\s+|big\s+|important\s+)?(?:points|arguments|reasons|lessons|takeaways|recommendations|considerations|principles)\b(?=[^?]*\b(?:author|writer|she|he|article|piece|op-?ed|column|essay|make|makes|made|give|gives|lay|lays|list|lists|offer|offers|raise|raises|there)\b)|\b(?:article|piece|op-?ed|essay|column|argument)\s+(?:is\s+|was\s+)?(?:organi[sz]ed|structured|laid\s+out|set\s+out|broken\s+down)\b|\bintroduces?\s+(?:her|his|the|their|its)\s+(?:list\s+of\s+)?(?:points|arguments)\b|\bwhat\s+are\s+(?:the|her|his|their|its|those)\s+(?:two|three|four|five|[2-5])\s+(?:main\s+|key\s+|big\s+|important\s+)?(?:points|things|arguments|reasons|lessons|takeaways|considerations)\b|\bwhat(?:['’]?s|\s+is|\s+was)\s+(?:the|this)\s+(?:article|piece|op-?ed|essay|column)\s+(?:(?:all|mainly|mostly|really)\s+)?about\W*$|^\W*(?:(?:can|could)\s+you\s+)?(?:summari[sz]e|sum\s+up)(?:\s+(?:it|this|the\s+(?:article|piece|op-?ed|essay|column)))?(?:\s+for\s+me)?\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex Overview();

    // "When was this written?", "roughly when was the piece published?", "what year is the article from?".
    [GeneratedRegex(@"\bwhen\s+(?:was|is)\s+(?:this|it|the\s+(?:article|piece|op-?ed|essay|column))\s+(?:written|published|dated|from)\b|\bwhat\s+(?:date|year|month)\s+(?:was|is)\s+(?:this|it|the\s+(?:article|piece|op-?ed|essay|column))\s+(?:written|published|dated|from)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WhenWritten();

    // "the headline", "in the title"; not "the title of the North Korean leader".
    [GeneratedRegex(@"\bheadline\b|\btitle\b(?!\s+of\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Headline();

    // "three important points", "two reasons", "a few things".
    [GeneratedRegex(@"\b(?:two|three|four|five|six|several|a\s+few|\d+)\s+(?:[\w-]+\s+)?(?:points|reasons|arguments|lessons|things|steps|ideas|considerations|takeaways|principles)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Announcement();

    // "how does the article open?", "what's the first paragraph about?"
    [GeneratedRegex(@"\b(?:(?:article|piece|op-?ed|essay|column)\s+(?:begin|begins|open|opens|start|starts)|first\s+paragraph|opening\s+(?:paragraph|line|sentence))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Opening();
}
