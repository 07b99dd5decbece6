using System.Globalization;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using PolicyBot.Core.Knowledge.Embedding;
using PolicyBot.Core.Knowledge.Text;

namespace PolicyBot.Core.Knowledge.Answering;

/// <summary>
/// Positions for an article nobody curated: one per paragraph, its claim (the sentence closest in meaning to the whole
/// paragraph) and who holds it. A paragraph that reports someone ("Jason Smith found...", "according to critics",
/// "..., she said") holds that person's or group's view; any other holds the author's. Plain English reporting verbs,
/// nothing about a particular article.
/// </summary>
public static partial class PositionDeriver
{
    private const int TitleWords = 14;

    public static ImmutableArray<Position> Derive(ArticleText text, ArticleVectors vectors)
    {
        var author = AuthorPhrase(text.Article);
        var positions = ImmutableArray.CreateBuilder<Position>(text.ParagraphCount);
        string? lastName = null;
        for (var p = 1; p <= text.ParagraphCount; p++)
        {
            var sentences = text.Sentences[p - 1];
            var claim = ClaimSentence(text, vectors, p);
            var holder = HolderOf(claim, sentences, ref lastName);
            var summary = holder is null
                ? $"{Possessive(Capitalize(author))} view (¶{p})."
                : $"What {holder} {(IsGroup(holder) ? "say" : "says")}, as the article reports it (¶{p}).";
            positions.Add(new Position($"p{p}", Shorten(claim), holder ?? Capitalize(author), [p], summary) { Derived = true });
        }

        return positions.ToImmutable();
    }

    /// <summary>
    /// Whether a position's holder is the article's own voice: the byline, "the author" or "the editors" (curated files
    /// write "The author (on ...)"), or the note about the author.
    /// </summary>
    public static bool IsAuthorsVoice(string holder, Article article) =>
        holder.StartsWith(AuthorPhrase(article), StringComparison.OrdinalIgnoreCase)
        || string.Equals(holder, article.Author, StringComparison.OrdinalIgnoreCase)
        || AuthorHolder().IsMatch(holder)
        || holder.Contains("author note", StringComparison.OrdinalIgnoreCase);

    /// <summary>Who the article's own voice is: "the editors" for an editorial board, else the author's name.</summary>
    public static string AuthorPhrase(Article article) =>
        article.Author.Contains("editorial board", StringComparison.OrdinalIgnoreCase) || article.Author.Contains("editors", StringComparison.OrdinalIgnoreCase)
            ? "the editors"
            : string.IsNullOrWhiteSpace(article.Author) || article.Author.Equals("unknown", StringComparison.OrdinalIgnoreCase) ? "the author" : article.Author;

    private static string ClaimSentence(ArticleText text, ArticleVectors vectors, int paragraph)
    {
        var best = (Score: double.MinValue, Sentence: text.Sentences[paragraph - 1].FirstOrDefault() ?? text.Article.Paragraph(paragraph));
        for (var k = 0; k < text.SentenceOrder.Length; k++)
        {
            if (text.SentenceOrder[k].Paragraph == paragraph)
            {
                var score = Vectors.Similarity(vectors.Sentences[k].Vector, vectors.Paragraphs[paragraph - 1].Vector);
                if (score > best.Score)
                {
                    best = (score, text.SentenceTexts[k]);
                }
            }
        }

        return best.Sentence;
    }

    // The claim's own attribution first, then the paragraph's first one; "he said" means the last person named before it.
    private static string? HolderOf(string claim, ImmutableArray<string> sentences, ref string? lastName)
    {
        string? ofClaim = null;
        string? first = null;
        foreach (var sentence in sentences)
        {
            var holder = Attribution(sentence, lastName);
            first ??= holder;
            if (sentence == claim)
            {
                ofClaim = holder;
            }

            foreach (Match name in PersonName().Matches(sentence))
            {
                lastName = Person(name.Groups["name"].Value);
            }
        }

        return ofClaim ?? first;
    }

    private static string? Attribution(string sentence, string? lastName)
    {
        var match = Reported().Match(sentence);
        if (!match.Success)
        {
            return null;
        }

        var holder = match.Groups["holder"].Value.Trim();
        if (Pronoun().IsMatch(holder))
        {
            return holder.Equals("they", StringComparison.OrdinalIgnoreCase) ? null : lastName;
        }

        var named = PersonName().Matches(holder).LastOrDefault();
        return named is not null ? Person(named.Groups["name"].Value) is var person && !IsCalendarWord(person) ? person : null
            : holder.StartsWith("the ", StringComparison.OrdinalIgnoreCase) || char.IsUpper(holder[0]) && holder.Contains(' ', StringComparison.Ordinal) ? holder
            : OneWord(holder);
    }

    // A single word before a reporting verb: a group ("Critics say"), a name ("Okafor said"), or no holder at all ("Don't
    // think", "We believe": function words and contractions are the author speaking).
    private static string? OneWord(string word)
    {
        var lower = word.ToLowerInvariant();
        if (StopWords.English.Contains(lower) || lower.Contains('’', StringComparison.Ordinal) || lower.Contains('\'', StringComparison.Ordinal) || IsCalendarWord(word))
        {
            return null;
        }

        return char.IsUpper(word[0]) && (WordFrequencies.Count(lower) == 0 || WordFrequencies.IsUsuallyCapitalized(lower)) ? word : lower;
    }

    // "On Monday said", "In June found": a day or month before the verb dates the report; it holds nothing.
    private static bool IsCalendarWord(string word) =>
        CultureInfo.InvariantCulture.DateTimeFormat.DayNames.Contains(word, StringComparer.OrdinalIgnoreCase)
        || CultureInfo.InvariantCulture.DateTimeFormat.MonthNames.Contains(word, StringComparer.OrdinalIgnoreCase);

    // "Economist Maria Lopez" is Maria Lopez: leading capitalised words that are everyday nouns describe the person.
    private static string Person(string name)
    {
        var words = name.Split(' ');
        var first = 0;
        while (first < words.Length - 1 && !words[first].EndsWith('.') && WordFrequencies.Count(words[first].ToLowerInvariant()) > 0
            && !WordFrequencies.IsUsuallyCapitalized(words[first].ToLowerInvariant()))
        {
            first++;
        }

        // "Mr. Diaz’s office" holds Mr. Diaz's view.
        return PossessiveEnding().Replace(string.Join(' ', words[first..]), string.Empty);
    }

    private static bool IsGroup(string holder) => holder.EndsWith('s') && !char.IsUpper(holder[0]);

    private static string Shorten(string sentence)
    {
        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= TitleWords ? sentence : string.Join(' ', words.Take(TitleWords)) + "…";
    }

    public static string Possessive(string name) => name.EndsWith('s') ? name + "’" : name + "’s";

    private static string Capitalize(string phrase) => phrase.Length == 0 ? phrase : char.ToUpperInvariant(phrase[0]) + phrase[1..];

    private const string Verbs =
        "said|says|say|argued|argues|argue|claimed|claims|claim|wrote|writes|write|found|finds|find|warned|warns|warn|told|tells|believes|believe|believed|"
        + "thinks|think|thought|contends|contend|contended|noted|notes|note|reported|reports|report|estimated|estimates|estimate|predicted|predicts|"
        + "concluded|concludes|conclude|insisted|insists|insist|acknowledged|acknowledges|admitted|admits|testified|maintains|maintain|suggested|"
        + "suggests|suggest|highlighted|highlights|asserted|asserts|proposed|proposes|propose|recommended|recommends|recommend|urged|urges|urge|"
        + "called for|calls for|pointed out|points out|complained|complains|complain|hinted|hints|announced|announces|denied|denies|deny|ruled|rules";

    // Titles written with a dot before a surname ("Mr. Okafor", "Sen. Alder").
    private const string Titles = "Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof";

    private const string Groups =
        "critics|proponents|supporters|opponents|advocates|experts|economists|scientists|analysts|officials|researchers|lawmakers|legislators|"
        + "pollsters|plaintiffs|justices|judges|skeptics|sceptics|defenders|backers|detractors|activists|historians|doctors|investors|observers|"
        + "the court|the justices|the judge|the study|the report|the survey|the poll|the administration|the government|the lawsuit|the plaintiffs";

    // "<holder> (also) said", "according to <holder>", "<holder> has argued": a name (with a title or a description before it),
    // a group, or a pronoun. After "according to", a title's dot does not end the holder ("according to Mr. Diaz’s office").
    [GeneratedRegex(
        @"(?:[Aa]ccording to (?<holder>(?:[^,.;:!?]|(?<=\b(?:" + Titles + @"))\.){2,60}?)(?=[,;:!?]|(?<!\b(?:" + Titles + @"))\.))"
        + @"|(?<holder>(?:(?:" + Titles + @")\. )?\p{Lu}[\p{L}’'\-]+(?: \p{Lu}[\p{L}’'\-]+){0,3}|\b(?:" + Groups + @")|\b(?:he|she|they))"
        + @"(?: (?:has|have|had|also|recently|once|later|then|rightly|correctly|repeatedly|now|has also|have also|had also))*"
        + @" (?:" + Verbs + @")\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Reported();

    [GeneratedRegex(@"^the (?:author|authors|writer|editors|editorial board)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorHolder();

    [GeneratedRegex(@"^(?:he|she|they)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pronoun();

    [GeneratedRegex(@"[’']s?$", RegexOptions.CultureInvariant)]
    private static partial Regex PossessiveEnding();

    // A person as articles name them: "Mr. Okafor", "Jane Alder" (two to four capitalised words), a title and a surname.
    [GeneratedRegex(
        @"(?<name>(?:(?:" + Titles + @")\. \p{Lu}[\p{L}’'\-]+(?: \p{Lu}\p{Ll}[\p{L}’'\-]*)?)|(?:\p{Lu}\p{Ll}[\p{L}’'\-]*(?: \p{Lu}\.)?(?: \p{Lu}\p{Ll}[\p{L}’'\-]*){1,3}))",
        RegexOptions.CultureInvariant)]
    private static partial Regex PersonName();
}
