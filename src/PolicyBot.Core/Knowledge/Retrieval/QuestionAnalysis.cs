using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace PolicyBot.Core.Knowledge.Retrieval;

/// <summary>
/// A topical unit of a question: one word, or a run of adjacent capitalised words taken as one name ("Kim Jong-un").
/// </summary>
/// <param name="Known">The article covers it: every term is in its vocabulary, or a synonym or spelling variant is.</param>
/// <param name="Weight">How specific it is (see <see cref="ArticleIndex.Specificity"/>); unknown units weigh the most.</param>
public sealed record ContentUnit(string Surface, ImmutableArray<string> Terms, bool IsName, bool Known, double Weight)
{
    /// <summary>The words as the question wrote them ("Iran", where <see cref="Surface"/> is "iran"), to quote back.</summary>
    public string Shown { get; init; } = Surface;
}

/// <summary>
/// What a question asks about, measured against one article: its content words and names, which of them the article
/// knows (directly, through a synonym or through a spelling variant of a name), who it names as the actor, and how
/// much of the question's specific content the article covers.
/// </summary>
/// <param name="QueryTerms">Terms to search: the question's own plus the article's words for the same things.</param>
/// <param name="IdealTerms">
/// One set of terms per thing asked about (synonym expansions not counted twice): what a passage that matched the
/// whole question would contain. Relative lexical scores are measured against it.
/// </param>
/// <param name="Actor">The first actor the question names (an <see cref="Article.Actors"/> key), if any.</param>
public sealed partial record QuestionAnalysis(ImmutableArray<ContentUnit> Units, ImmutableArray<string> QueryTerms, ImmutableArray<string> IdealTerms, string? Actor = null)
{
    /// <summary>The question asks what the author thinks ("does she welcome the talks?"), not what the article reports.</summary>
    public bool AsksAuthorsView { get; init; }

    // An everyday verb or adjective the article lacks ("removed", "put") says little about the topic.
    private const double GenericWordWeight = 1.0;

    // Names at least this long may match a differently spelled name in the article ("Gaddafi" / "Gadhafi").
    private const int MinimumFuzzyNameLength = 6;

    public QuestionAnalysis(ImmutableArray<ContentUnit> units, ImmutableArray<string> queryTerms)
        : this(units, queryTerms, queryTerms)
    {
    }

    /// <summary>
    /// Specificity-weighted share of the question's content the article knows (1 when there is none). Words found all
    /// over the article ("North Korea") count little; a specific word it never uses ("armistice") counts a lot.
    /// </summary>
    public double Coverage
    {
        get
        {
            var total = Units.Sum(u => u.Weight);
            return total <= 0 ? 1 : Units.Where(u => u.Known).Sum(u => u.Weight) / total;
        }
    }

    /// <summary>Names (capitalised mid-sentence) that appear nowhere in the article.</summary>
    public IEnumerable<ContentUnit> UnknownNames => Units.Where(u => u.IsName && !u.Known);

    public bool HasKnownContent => Units.Any(u => u.Known);

    /// <summary>
    /// The search terms that are not names, years or the article's names for its sides: what the question says happened
    /// or is ("come to power" in "when did kim jong un come to power?"), as opposed to whom or when. Empty when unknown.
    /// </summary>
    public ImmutableArray<string> EventTerms { get; init; } = [];

    public static QuestionAnalysis Analyze(string question, ArticleIndex index)
    {
        var allTokens = TextAnalyzer.Tokens(question).ToList();
        var normalized = TextAnalyzer.Normalize(question);

        // "is the article saying talks could slip into december?": with no capital past the first letter, case says
        // nothing about which words are names, so a lower-case word may match a one-word name ("december", "kim"). "I" and
        // "US" are capitalised by everyone and do not count.
        var caseless = !AlwaysUpperCase().Replace(question, " ").Skip(1).Any(char.IsUpper);
        var tokens = allTokens.Where(t => !StopWords.English.Contains(t.Surface)).ToList();
        var topical = tokens.Where(t => !StopWords.QuestionFraming.Contains(t.Surface)).ToList();

        // "Who is the author?" is all framing: then the framing words are the topic. They ask about the piece itself
        // ("what is her proposal?"), which every article covers.
        var allFraming = topical.Count == 0;
        if (allFraming)
        {
            topical = tokens;
        }

        // Phrases of the article's synonym groups and of the general lexicon: which words they cover, what they add.
        var covered = new HashSet<int>();
        var expansions = new HashSet<string>(StringComparer.Ordinal);
        var idealExtras = new List<string>();
        foreach (var match in index.PhraseMatches(allTokens))
        {
            covered.UnionWith(allTokens.Skip(match.First).Take(match.Phrase.Terms.Length).Select(t => t.Index));

            // The article's own synonyms always widen the search (it uses them interchangeably); the general lexicon
            // only stands in for words the article lacks, so a word it has is not counted twice.
            if (!match.InArticle)
            {
                expansions.UnionWith(match.ArticlePhrases.SelectMany(p => p.ContentTerms));
                idealExtras.AddRange(match.ArticlePhrases[0].ContentTerms);
            }
            else if (match.ArticleGroup)
            {
                expansions.UnionWith(match.ArticlePhrases.SelectMany(p => p.ContentTerms));
            }
            else if (!match.InText)
            {
                // A word only the positions use ("ultimatum" in an alias) also searches the text's own ("deadline").
                expansions.UnionWith(match.TextPhrases.SelectMany(p => p.ContentTerms));
            }
        }

        // "whats jared kushners role": typed in lower case, a name of the article's is still the article's.
        if (caseless)
        {
            foreach (var articleName in index.MultiWordNames)
            {
                foreach (var first in articleName.FindIn(allTokens))
                {
                    covered.UnionWith(allTokens.Skip(first).Take(articleName.Terms.Length).Select(t => t.Index));
                }
            }
        }

        var units = new List<ContentUnit>();
        var name = new List<Token>();
        foreach (var token in topical)
        {
            var continuesName = name.Count > 0 && token.Index == name[^1].Index + 1 && (token.Capitalized || token.Hyphenated);
            if (!continuesName)
            {
                FlushName();
            }

            // A year is as specific as a name: "did North Korea test an ICBM in 2017?" asks about a time the article
            // never reaches when it never mentions that year, nor is dated in it. So is a well-known name typed in
            // lower case ("is russia helping nk"), on its own.
            if (!continuesName && (Years.IsYear(token.Surface) || (!token.Capitalized && WellKnownNames.Contains(token.Surface))))
            {
                units.Add(Unit(token.Surface, [token], isName: true));
                continue;
            }

            if (continuesName || (token.Capitalized && !token.SentenceStart))
            {
                name.Add(token);
                continue;
            }

            units.Add(Unit(token.Surface, [token], isName: false));
        }

        FlushName();
        var ownTerms = topical.Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        var unknownCovered = topical.Where(t => covered.Contains(t.Index) && !index.Vocabulary.Contains(t.Term)).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        var ideal = ownTerms.Where(t => !unknownCovered.Contains(t)).Concat(idealExtras).Distinct(StringComparer.Ordinal);
        var query = ownTerms.Concat(expansions).Distinct(StringComparer.Ordinal);
        // "does she think..." is about the author only when the question names no one else she or he could be ("if Kim
        // disarms, does he think he's safe?").
        var byRole = index.AuthorMention?.Replace(question, "the author") ?? question;
        var asksView = AuthorsView().IsMatch(byRole) || (PronounView().IsMatch(byRole) && !units.Any(u => u.IsName));
        // Names typed in lower case ("kim") are no name units, and a side's other names ("north", "korea" for "NK") come
        // in as synonyms: the article's name terms catch both.
        var nameUnitTerms = units.Where(u => u.IsName).SelectMany(u => u.Terms).ToHashSet(StringComparer.Ordinal);
        return new QuestionAnalysis([.. units], [.. query], [.. ideal], FirstActor(allTokens, normalized, index))
        {
            AsksAuthorsView = asksView,
            EventTerms = [.. query.Where(t => !nameUnitTerms.Contains(t) && !index.NameTerms.Contains(t))],
        };

        void FlushName()
        {
            if (name.Count > 0)
            {
                units.Add(Unit(string.Join(' ', name.Select(t => t.Surface)), [.. name], isName: true));
                name.Clear();
            }
        }

        ContentUnit Unit(string surface, IReadOnlyList<Token> parts, bool isName)
        {
            var terms = parts.Select(t => t.Term).ToImmutableArray();
            // A lower-case word must be an ordinary word of the article: "time" is not covered by "Time Magazine".
            var known = allFraming || parts.All(t => covered.Contains(t.Index)
                || ((isName || t.Capitalized ? index.Vocabulary : index.OrdinaryTerms).Contains(t.Term) && (!isName || parts.Count > 1 || Standalone(t)))
                || (caseless && index.SingleWordNames.Contains(t.Term)));
            if (!known && isName)
            {
                var variants = parts.Select(t => index.Vocabulary.Contains(t.Term) && (parts.Count > 1 || Standalone(t)) ? t.Term : SpellingVariant(t.Term, index.Vocabulary)).ToArray();
                if (variants.All(v => v is not null))
                {
                    known = true;
                    expansions.UnionWith(variants!);
                }
            }
            else if (!known && caseless && SpellingVariant(terms[0], index.NamesToRespell) is { } name)
            {
                // "what do saddam and gaddafi have to do with this", "what did kushnr say": typed in lower case, a name
                // (or a surname of a longer one) may still be spelled as the article does not ("Gadhafi", "Kushner").
                known = true;
                expansions.Add(name);
            }

            // A name is as specific as its rarest part ("Jong-un" in "Kim Jong-un").
            var weight = !known && !isName && StopWords.Generic.Contains(surface) ? GenericWordWeight : terms.Max(index.Specificity);
            var start = parts[0].Span.Offset;
            return new ContentUnit(surface, terms, isName, known, weight) { Shown = normalized[start..(parts[^1].Span.Offset + parts[^1].Span.Length)] };
        }

        // "UN" is not "un" of "Jong-un": a one-word name must stand alone in the article unless it follows a hyphen here
        // too. In a longer name ("Jong Un", "Ri Yong Ho") a part may be what the article hyphenates.
        bool Standalone(Token t) => t.Hyphenated || !index.HyphenOnlyTerms.Contains(t.Term);
    }

    /// <summary>One of <paramref name="candidates"/> spelled almost like <paramref name="term"/> (transliterated names vary).</summary>
    private static string? SpellingVariant(string term, IEnumerable<string> candidates)
    {
        if (term.Length < MinimumFuzzyNameLength)
        {
            return null;
        }

        return candidates
            .Where(v => v.Length >= MinimumFuzzyNameLength && Math.Abs(v.Length - term.Length) <= 2)
            .Select(v => (Term: v, Distance: EditDistance.Compute(term, v)))
            .Where(x => x.Distance <= 2)
            .OrderBy(x => x.Distance)
            .Select(x => x.Term)
            .FirstOrDefault();
    }

    /// <summary>
    /// The first actor the question names as doing something: next to a modal or auxiliary ("could Pyongyang",
    /// "the US should", "does Washington"). "US diplomacy with North Korea" names actors but asks about neither's moves.
    /// </summary>
    /// <param name="text">The question as tokenised (<see cref="TextAnalyzer.Normalize"/>): possessives are read from it.</param>
    private static string? FirstActor(IReadOnlyList<Token> tokens, string text, ArticleIndex index)
    {
        string? actor = null;
        var earliest = int.MaxValue;
        foreach (var (name, phrases) in index.Actors)
        {
            foreach (var phrase in phrases)
            {
                foreach (var start in phrase.FindIn(tokens))
                {
                    var end = start + phrase.Terms.Length;
                    // "could the Trump administration": an article between the cue and the name does not matter.
                    var before = start > 0 && Determiners.Contains(tokens[start - 1].Surface) ? start - 2 : start - 1;
                    // "how does the Kim regime feel about the drills", "what did North Korea say": a side's view or words
                    // are not a move it could make.
                    // ("the Kim regime vociferously object": the verb may follow the rest of the name and an adverb).
                    var stance = tokens.Skip(end).Take(3).Any(t => StanceVerbs.Contains(t.Surface));
                    // "if Kim won't disarm, why bother negotiating?": a side in a condition is not the one asked about.
                    var conditional = tokens.Skip(Math.Max(0, start - 2)).Take(Math.Min(2, start)).Any(t => Subordinators.Contains(t.Surface));
                    // "could Pyongyang", "Washington offers": an auxiliary before the name or a cue after it. A verb before it
                    // ("what would push Washington to budge") or a preposition ("diplomacy with Pyongyang is worthless")
                    // makes the side an object, not the one acting.
                    // "what is Kim Jong-un's main aim": a side's aim, regime or side is its own only after a modal ("could
                    // Kim's regime"); after "is" or "does" it is what the question is about, and the word after the
                    // possessive is a noun ("Washington's take"), not a cue.
                    var possessive = TextAnalyzer.IsPossessive(text, LastOfName(LongestNameEnd(start) - 1));
                    var acting = !stance && !conditional && ((before >= 0 && (possessive ? Modals : Auxiliaries).Contains(tokens[before].Surface))
                        || (!possessive && end < tokens.Count && ActingCues.Contains(tokens[end].Surface) && (before < 0 || !Prepositions.Contains(tokens[before].Surface))));
                    if (acting && start < earliest)
                    {
                        (actor, earliest) = (name, start);
                    }
                }
            }
        }

        return actor;

        // "Kim" of "kim jong un's": where the longest of the sides' names that starts there ends.
        int LongestNameEnd(int start) => index.Actors.SelectMany(a => a.Names)
            .Where(phrase => phrase.FindIn(tokens).Contains(start))
            .Max(phrase => start + phrase.Terms.Length);

        // "Kim" of "Kim Jong-un's": the rest of the name as written.
        Token LastOfName(int i)
        {
            while (i + 1 < tokens.Count && tokens[i + 1].Index == tokens[i].Index + 1 && (tokens[i + 1].Capitalized || tokens[i + 1].Hyphenated))
            {
                i++;
            }

            return tokens[i];
        }

    }

    private static readonly HashSet<string> Modals = new(StringComparer.Ordinal)
    {
        "could", "should", "would", "can", "will", "might", "must", "may", "shall", "ought",
    };

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal) { "the", "a", "an" };

    private static readonly HashSet<string> Subordinators = new(StringComparer.Ordinal)
    {
        "if", "unless", "given", "since", "because", "although", "though", "whether", "once", "until",
        // "smaller than Washington would like": the side in a comparison is the yardstick, not the one asked to move.
        "than",
    };

    private static readonly HashSet<string> StanceVerbs = new(StringComparer.Ordinal)
    {
        "feel", "feels", "think", "thinks", "believe", "believes", "view", "views",
        "fear", "fears", "hate", "hates", "care", "cares", "worry", "worries", "object", "objects",
        "react", "reacts", "regard", "regards", "perceive", "perceives", "consider", "considers",
        // A state of mind is a view too: "what is Kim afraid of?" asks what he fears, not what he could do.
        "afraid", "scared", "worried", "concerned", "nervous", "angry", "upset", "happy",
        // So is what a side wants: "what does Pyongyang want?" asks its aim, not what it could give.
        "want", "wants", "wanted", "hope", "hopes", "prefer", "prefers",
        // What a side said is its view too: "what did North Korea say would end?" asks about a warning, not a move.
        "say", "says", "said", "warn", "warns", "warned", "threaten", "threatens", "threatened", "claim", "claims", "claimed",
        "announce", "announces", "announced", "declare", "declares", "declared",
    };

    // What may stand before a side that acts: a modal, or "do", "has", "is" ("does Washington", "is Pyongyang ready").
    private static readonly HashSet<string> Auxiliaries = new(Modals.Concat(["do", "does", "did", "has", "have", "is", "are"]), StringComparer.Ordinal);

    private static readonly HashSet<string> Prepositions = new(StringComparer.Ordinal)
    {
        "with", "to", "toward", "towards", "against", "on", "from", "for", "at", "about", "of", "by", "between", "into",
    };

    // What may follow a side that acts: an auxiliary ("Washington could"), or a verb of moving in talks ("Pyongyang offers").
    private static readonly HashSet<string> ActingCues = new(
        Auxiliaries.Concat(["needs", "need", "agree", "agrees", "offer", "offers", "give", "gives", "make", "makes", "take", "takes", "expected"]),
        StringComparer.Ordinal);

    [GeneratedRegex(@"\bI\b|\bU\.?S\.?(?:A\.?)?\b")]
    private static partial Regex AlwaysUpperCase();

    // "does the author think...", "is the writer for...", "the author's view/take on...".
    [GeneratedRegex(@"\b(?:does|did|do|would|is|was)\s+(?:the\s+)?(?:author|writer|columnist|op-?ed|piece|article)\s+(?:\w+\s+)?(?:think|believe|feel|welcome|support|oppose|favou?r|want|agree|like|consider|hope|prefer|expect|trust|worry|approve|reject|endorse|for|against)\b|\b(?:author|writer|columnist)['’]s\s+(?:view|opinion|take|stance|position|attitude|feeling|verdict|assessment)\b|\bwhat\s+does\s+(?:the\s+)?(?:author|writer)\s+(?:think|feel|believe)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorsView();

    // The same asked of "she" or "he": "does she welcome the talks?", "what does he think...".
    [GeneratedRegex(@"\b(?:does|did|do|would|is|was)\s+(?:she|he)\s+(?:\w+\s+)?(?:think|believe|feel|welcome|support|oppose|favou?r|want|agree|like|consider|hope|prefer|expect|trust|worry|approve|reject|endorse|for|against)\b|\bwhat\s+does\s+(?:she|he)\s+(?:think|feel|believe)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PronounView();
}
