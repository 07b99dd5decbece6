using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace PolicyBot.Core.Knowledge.Retrieval;

/// <summary>What a piece of indexed text is: a whole paragraph, one of its sentences, a position summary or an alias.</summary>
public enum UnitKind
{
    Paragraph,
    Sentence,
    Summary,
    Alias,
    Question,
}

/// <summary>One piece of text that a question is compared with, and the paragraphs it speaks for.</summary>
/// <param name="Paragraphs">1-based; for a position's summary and aliases, the position's paragraphs (main first).</param>
public sealed record IndexUnit(UnitKind Kind, string Text, ImmutableArray<int> Paragraphs, Position? Position);

/// <summary>
/// The lexical side of one article, built once: BM25 over paragraphs and over positions (title, summary, aliases),
/// the article's vocabulary, its sentences and the units to embed. Immutable, so safe to share across requests.
/// </summary>
public sealed class ArticleIndex
{
    /// <param name="lexicon">General synonym groups (see <see cref="PolicyLexicon"/>); none for a plain-words index.</param>
    public ArticleIndex(Article article, ImmutableArray<PhraseGroup> lexicon = default)
    {
        Article = article;
        Sentences = [.. article.Paragraphs.Select(p => SentenceSplitter.Split(p).ToImmutableArray())];
        _sentenceTerms = Sentences.Select(sentences => sentences.Select(s => TextAnalyzer.Terms(s).ToFrozenSet(StringComparer.Ordinal)).ToArray()).ToArray();
        ParagraphTerms = [.. article.Paragraphs.Select(p => (IReadOnlyList<string>)TextAnalyzer.Terms(p))];
        Paragraphs = new Bm25Index(ParagraphTerms);
        Positions = new Bm25Index(article.Positions.Select(p => (IReadOnlyList<string>)TextAnalyzer.Terms(PositionText(p))));
        var coverageTerms = article.Positions.Select(p => (IReadOnlyList<string>)TextAnalyzer.Terms(CoverageText(p))).ToArray();
        DescribedTerms = [.. Enumerable.Range(1, article.ParagraphCount).Select(p => ParagraphTerms[p - 1]
            .Concat(article.Positions.Select((position, i) => (position, i)).Where(x => x.position.Paragraphs.Contains(p)).SelectMany(x => coverageTerms[x.i]))
            .ToFrozenSet(StringComparer.Ordinal))];

        var vocabulary = ParagraphTerms.SelectMany(t => t)
            .Concat(coverageTerms.SelectMany(t => t))
            .Concat(article.Positions.SelectMany(p => TextAnalyzer.Terms(p.Holder)))
            .Concat(TextAnalyzer.Terms($"{article.Title} {article.Author} {article.Outlet} {string.Join(' ', article.Tags)}"))
            .Concat(Years.In(article.Published)); // "deadline = end of 2019?" is about an article of 2019

        Vocabulary = vocabulary.ToFrozenSet(StringComparer.Ordinal);

        // Terms the article also uses as ordinary words, not only inside names ("time" only in "Time Magazine" is not).
        var texts = article.Paragraphs.Concat(article.Positions.SelectMany(p => p.Aliases.Prepend(p.Summary).Prepend(p.Title))).Append(article.Title);
        _textTokens = [.. texts.Select(t => TextAnalyzer.Tokens(t).ToList())];
        var allTokens = _textTokens.SelectMany(t => t).ToList();
        OrdinaryTerms = allTokens.Where(t => !t.Capitalized || t.SentenceStart).Select(t => t.Term)
            .Where(Vocabulary.Contains).ToFrozenSet(StringComparer.Ordinal);

        // "un" of "Jong-un" is no word of its own: a question about the UN is not covered by it.
        var standalone = allTokens.Where(t => !t.Hyphenated).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        HyphenOnlyTerms = allTokens.Where(t => t.Hyphenated && !standalone.Contains(t.Term)).Select(t => t.Term).ToFrozenSet(StringComparer.Ordinal);
        SingleWordNames = _textTokens.SelectMany(SingleWordNameTerms).ToFrozenSet(StringComparer.Ordinal);
        var lowerCaseTerms = allTokens.Where(t => !t.Capitalized).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        MultiWordNames = [.. texts.Select(TextAnalyzer.Normalize).Zip(_textTokens).SelectMany(t => MultiWordNameTerms(t.First, t.Second, lowerCaseTerms))
            .Distinct(StringComparer.Ordinal).Select(Phrase.Of)];
        NamesToRespell = [.. SingleWordNames.Concat(MultiWordNames.Select(n => n.ContentTerms[^1])).Distinct(StringComparer.Ordinal)];

        // Specificity = IDF over paragraphs and positions together: "Kim" is everywhere in this article, "Libya" is not.
        var documents = ParagraphTerms.Concat(coverageTerms).ToArray();
        _documentCount = documents.Length;
        _documentFrequency = documents.SelectMany(d => d.Distinct(StringComparer.Ordinal))
            .GroupBy(t => t, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        var units = new List<IndexUnit>();
        for (var p = 1; p <= article.ParagraphCount; p++)
        {
            units.Add(new IndexUnit(UnitKind.Paragraph, article.Paragraph(p), [p], article.PositionFor(p)));
            units.AddRange(Sentences[p - 1].Select(s => new IndexUnit(UnitKind.Sentence, s, [p], article.PositionFor(p))));
        }

        foreach (var position in article.Positions)
        {
            units.Add(new IndexUnit(UnitKind.Summary, $"{position.Title}. {position.Summary}", position.Paragraphs, position));
            units.AddRange(position.Aliases.Select(a => new IndexUnit(UnitKind.Alias, a, position.Paragraphs, position)));
            units.AddRange(position.Questions.Select(q => new IndexUnit(UnitKind.Question, q, position.Paragraphs, position)));
        }

        Units = [.. units];
        Structure = new StructureCues(article, Specificity);
        PhraseGroups = [.. article.Synonyms.Select(g => PhraseGroup.Of(g)), .. lexicon.IsDefault ? [] : lexicon];
        _phrasesInArticle = [.. PhraseGroups.Select(g => g.Phrases.Where(p => Covers(p, Vocabulary, _textTokens)).ToImmutableArray())];
        var paragraphVocabulary = ParagraphTerms.SelectMany(t => t).ToFrozenSet(StringComparer.Ordinal);
        var paragraphTokens = _textTokens.Take(article.ParagraphCount).ToArray();
        _phrasesInText = [.. PhraseGroups.Select(g => g.Phrases.Where(p => Covers(p, paragraphVocabulary, paragraphTokens)).ToImmutableArray())];
        ParagraphHasPosition = [.. Enumerable.Range(1, article.ParagraphCount).Select(p => article.Positions.Any(x => x.Paragraphs.Contains(p)))];
        ParagraphHasExampleQuestions = [.. Enumerable.Range(1, article.ParagraphCount)
            .Select(p => article.Positions.Any(x => x.Paragraphs.Contains(p) && x.Questions.Length > 0))];
        Actors = [.. article.Actors.Select(kv => (kv.Key, kv.Value.Prepend(kv.Key).Select(Phrase.Of).Where(p => p.Terms.Length > 0).ToImmutableArray()))];
        AuthorStance = [.. Enumerable.Range(1, article.ParagraphCount).Select(p => article.PositionFor(p) switch
        {
            null => 0,
            { } held when held.Holder.StartsWith("the author", StringComparison.OrdinalIgnoreCase)
                || string.Equals(held.Holder, article.Author, StringComparison.OrdinalIgnoreCase) => 1,
            _ => -1,
        })];
        AuthorMention = AuthorMentionPattern(article.Author, Actors);
        NameTerms = SingleWordNames.Concat(Actors.SelectMany(a => a.Names.SelectMany(n => n.ContentTerms))).ToFrozenSet(StringComparer.Ordinal);
        WrittenIn = Years.NumbersIn(article.Published).Select(y => (int?)y).FirstOrDefault();
    }

    /// <summary>
    /// The year the front matter dates the article in: the first year its published field names ("2019-11-05";
    /// "undated; the text places it in November 2019 (... 'if 2020 arrives')"), if any.
    /// </summary>
    public int? WrittenIn { get; }

    /// <summary>
    /// Per paragraph (index p - 1): +1 when its position is the author's own view, -1 when it reports someone else's
    /// (an official, state media), 0 without a position. A question asking the author's view leans on it.
    /// </summary>
    public ImmutableArray<int> AuthorStance { get; }

    /// <summary>
    /// The author's name, or a part of it, in a question ("is kristian against..."): the author asked about. A part that
    /// also names someone the article is about (an op-ed on Korea by "Duyeon Kim") is left out. Null without an author.
    /// </summary>
    public Regex? AuthorMention { get; }

    private static Regex? AuthorMentionPattern(string author, ImmutableArray<(string Actor, ImmutableArray<Phrase> Names)> actors)
    {
        var actorTerms = actors.SelectMany(a => a.Names).SelectMany(n => n.Terms).ToHashSet(StringComparer.Ordinal);
        var parts = author.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.Length >= 3 && !StopWords.English.Contains(p.ToLowerInvariant()) && !actorTerms.Contains(Stemmer.Stem(p.ToLowerInvariant())))
            .Prepend(author)
            .Where(p => p.Trim().Length >= 3)
            .Select(Regex.Escape)
            .ToArray();
        return parts.Length == 0 ? null : new Regex($@"\b(?:{string.Join('|', parts)})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    /// <summary>Numbered points, opening and conclusion: for questions about the text's shape.</summary>
    public StructureCues Structure { get; }

    /// <summary>The article's own synonym groups (<see cref="Article.Synonyms"/>), then the general lexicon's.</summary>
    public ImmutableArray<PhraseGroup> PhraseGroups { get; }

    /// <summary>Each actor of <see cref="Article.Actors"/> with the phrases that name it.</summary>
    public ImmutableArray<(string Actor, ImmutableArray<Phrase> Names)> Actors { get; }

    /// <summary>Whether paragraph p (index p - 1) belongs to a curated position.</summary>
    public ImmutableArray<bool> ParagraphHasPosition { get; }

    /// <summary>Whether paragraph p (index p - 1) belongs to a position with example questions.</summary>
    public ImmutableArray<bool> ParagraphHasExampleQuestions { get; }

    /// <summary>
    /// Every run of <paramref name="tokens"/> that a phrase of a synonym group names, in a group the article uses a
    /// phrase of: what a question's word stands for in the article's own wording. Shared by the question's coverage and
    /// search terms (<see cref="QuestionAnalysis"/>) and by its rewording for the embedding (<see cref="ArticleWording"/>).
    /// </summary>
    public IEnumerable<PhraseMatch> PhraseMatches(IReadOnlyList<Token> tokens)
    {
        for (var g = 0; g < PhraseGroups.Length; g++)
        {
            var inArticle = _phrasesInArticle[g];
            if (inArticle.IsEmpty)
            {
                continue;
            }

            foreach (var phrase in PhraseGroups[g].Phrases)
            {
                foreach (var first in phrase.FindIn(tokens))
                {
                    // A stop word that stems like a word of the phrase names nothing ("these" is not "thesis").
                    if (phrase.ContentTerms.Length > 0 && Enumerable.Range(first, phrase.Terms.Length).All(i => StopWords.English.Contains(tokens[i].Surface)))
                    {
                        continue;
                    }

                    yield return new PhraseMatch(first, phrase, inArticle.Contains(phrase), g < Article.Synonyms.Length, inArticle)
                    {
                        TextPhrases = _phrasesInText[g],
                    };
                }
            }
        }
    }

    /// <summary>
    /// True when <paramref name="texts"/> use the phrase: a one-word phrase is in <paramref name="vocabulary"/>, a longer
    /// one occurs as a run of words in one of them ("start a war" is not covered by "start" and "war" far apart).
    /// Asked of the paragraphs and positions together, and of the paragraphs alone: a phrase only the positions use
    /// ("ultimatum" in an alias) is the article's word for coverage, but the text says it another way ("deadline").
    /// </summary>
    private static bool Covers(Phrase phrase, FrozenSet<string> vocabulary, IEnumerable<List<Token>> texts) =>
        phrase.ContentTerms.Length > 0 && phrase.ContentTerms.All(vocabulary.Contains)
        && (phrase.Terms.Length == 1 || texts.Any(tokens => phrase.FindIn(tokens).Any()));

    // Per phrase group, the phrases the article itself uses (first one first): fixed per article, so found once.
    private readonly ImmutableArray<ImmutableArray<Phrase>> _phrasesInArticle;
    private readonly ImmutableArray<ImmutableArray<Phrase>> _phrasesInText;
    private readonly List<Token>[] _textTokens;

    private readonly FrozenSet<string>[][] _sentenceTerms;
    private readonly FrozenDictionary<string, int> _documentFrequency;
    private readonly int _documentCount;

    public Article Article { get; }

    /// <summary>
    /// Share of the question's term weight (IDF; words the article lacks weigh most) found in one sentence: the lexical
    /// half of choosing a quote. Sentence terms are computed once, so this is a few set lookups.
    /// </summary>
    /// <param name="paragraph">1-based.</param>
    /// <param name="sentence">0-based, as in <see cref="Sentences"/>.</param>
    /// <param name="idealTerms">What a full match holds (see <see cref="QuestionAnalysis.IdealTerms"/>); the query terms when null.</param>
    public double SentenceOverlap(IReadOnlyCollection<string> queryTerms, int paragraph, int sentence, IReadOnlyCollection<string>? idealTerms = null)
    {
        var total = (idealTerms ?? queryTerms).Sum(Paragraphs.IdfOrMissing);
        if (total <= 0)
        {
            return 0;
        }

        var terms = _sentenceTerms[paragraph - 1][sentence];
        return Math.Min(1, queryTerms.Where(terms.Contains).Sum(Paragraphs.IdfOrMissing) / total);
    }

    /// <summary>
    /// How specific a term is within this article (IDF over its paragraphs and positions). A term the article never uses
    /// gets the highest value: it is the most specific thing a question can ask about.
    /// </summary>
    public double Specificity(string term)
    {
        var df = _documentFrequency.GetValueOrDefault(term);
        return Math.Log(1 + ((_documentCount - df + 0.5) / (df + 0.5)));
    }

    /// <summary>Sentences of each paragraph (index 0 = paragraph 1), each an exact substring of it.</summary>
    public ImmutableArray<ImmutableArray<string>> Sentences { get; }

    public ImmutableArray<IReadOnlyList<string>> ParagraphTerms { get; }

    /// <summary>
    /// Terms that name someone rather than say what happened, however a question cases them: the article's one-word
    /// names and every name of its sides ("north", "korea", "pyongyang", "kim").
    /// </summary>
    public FrozenSet<string> NameTerms { get; }

    /// <summary>
    /// Per paragraph (index 0 = paragraph 1), its terms with those of the titles, summaries and aliases of the positions
    /// it belongs to: the words it says something in, and the words the article's curator used for what it says
    /// ("threat" for "warned").
    /// </summary>
    public ImmutableArray<FrozenSet<string>> DescribedTerms { get; }

    public Bm25Index Paragraphs { get; }

    /// <summary>One document per position, in <see cref="Article.Positions"/> order.</summary>
    public Bm25Index Positions { get; }

    /// <summary>Every term of the article, its positions and its front matter: what it can be said to cover.</summary>
    public FrozenSet<string> Vocabulary { get; }

    /// <summary>
    /// The part of <see cref="Vocabulary"/> the article uses as ordinary words (lower-case, or at a sentence start):
    /// what a lower-case question word must match to count as covered.
    /// </summary>
    public FrozenSet<string> OrdinaryTerms { get; }

    /// <summary>Terms the article only uses after a hyphen, inside a longer word or name ("un" of "Jong-un").</summary>
    public FrozenSet<string> HyphenOnlyTerms { get; }

    /// <summary>
    /// Terms the article uses as a one-word name ("Kim knows", "early December"): a lower-case question may still mean
    /// them. A word seen only inside a longer name ("Time" of "Time Magazine") is not one.
    /// </summary>
    public FrozenSet<string> SingleWordNames { get; }

    /// <summary>
    /// Names of two or more words the article uses ("Jared Kushner", "Time Magazine"): typed in lower case together
    /// ("whats jared kushners role"), they still name what the article names, though "jared" alone would not.
    /// </summary>
    public ImmutableArray<Phrase> MultiWordNames { get; }

    /// <summary>
    /// One-word names and the surnames of longer ones: what a lower-case question may misspell ("gaddafi", "kushnr").
    /// Fixed per article, so built once.
    /// </summary>
    public ImmutableArray<string> NamesToRespell { get; }

    /// <summary>Everything the semantic index embeds, in a fixed order.</summary>
    public ImmutableArray<IndexUnit> Units { get; }

    private static IEnumerable<string> SingleWordNameTerms(List<Token> tokens)
    {
        bool IsNamePart(int i) => i >= 0 && i < tokens.Count && tokens[i].Capitalized && !tokens[i].SentenceStart;
        for (var i = 0; i < tokens.Count; i++)
        {
            // "Time Magazine said": a capital at a sentence start still joins the next word into one name.
            var adjacentBefore = i > 0 && tokens[i - 1].Index == tokens[i].Index - 1 && tokens[i - 1].Capitalized;
            var adjacentAfter = i + 1 < tokens.Count && tokens[i + 1].Index == tokens[i].Index + 1 && (IsNamePart(i + 1) || tokens[i + 1].Hyphenated);
            if (IsNamePart(i) && !tokens[i].Hyphenated && !adjacentBefore && !adjacentAfter)
            {
                yield return tokens[i].Term;
            }
        }
    }

    // Runs of capitalised words joined by single spaces ("Jared Kushner"), as text; not runs holding a stop word ("The
    // Week": "the week" is everyday English). Punctuation ends a name ("Time Magazine, CNN" are two; "U.S.-North Korea"
    // and "Iraq's Saddam Hussein" are not one), and a sentence's first word that the article also writes in lower case
    // is no part of it ("Demanding North Korea"; "Bonnie Kristian" stays whole).
    private static IEnumerable<string> MultiWordNameTerms(string text, List<Token> tokens, HashSet<string> lowerCaseTerms)
    {
        var first = 0;
        while (first < tokens.Count)
        {
            if (tokens[first].SentenceStart && lowerCaseTerms.Contains(tokens[first].Term))
            {
                first++;
                continue;
            }

            var last = first;
            while (tokens[first].Capitalized && last + 1 < tokens.Count && tokens[last + 1].Capitalized && SpaceBetween(text, tokens[last], tokens[last + 1]))
            {
                last++;
            }

            var run = tokens.Skip(first).Take(last - first + 1).ToArray();
            if (run.Length >= 2 && run.All(t => !StopWords.English.Contains(t.Surface)))
            {
                yield return string.Join(' ', run.Select(t => t.Surface));
            }

            first = last + 1;
        }
    }

    // One space and nothing else: not a hyphen, a comma or a possessive's "'s" ("Iraq's Saddam Hussein").
    private static bool SpaceBetween(string text, Token before, Token after) =>
        after.Span.Offset == before.Span.Offset + before.Span.Length + 1 && text[after.Span.Offset - 1] == ' '
        && !TextAnalyzer.IsPossessive(text, before);

    // Example questions are written casually ("what lesson did Kim learn"): their words help find a position but do
    // not make the article cover a topic ("learn Korean"), so coverage reads the title, summary and aliases only.
    private static string CoverageText(Position position) => $"{position.Title} {position.Summary} {string.Join(" ", position.Aliases)}";

    private static string PositionText(Position position) => $"{position.Title} {position.Summary} {string.Join(" ", position.Aliases.Concat(position.Questions))}";
}

/// <summary>A run of a question's words named by <paramref name="Phrase"/>, starting at token <paramref name="First"/>.</summary>
/// <param name="InArticle">The article uses this very phrase; else it stands in for <paramref name="ArticlePhrases"/>.</param>
/// <param name="ArticleGroup">The group is the article's own (<see cref="Article.Synonyms"/>), not the general lexicon.</param>
/// <param name="ArticlePhrases">The group's phrases the article uses, its usual one first.</param>
public sealed record PhraseMatch(int First, Phrase Phrase, bool InArticle, bool ArticleGroup, ImmutableArray<Phrase> ArticlePhrases)
{
    /// <summary>The group's phrases the paragraphs themselves use (a subset of <see cref="ArticlePhrases"/>).</summary>
    public ImmutableArray<Phrase> TextPhrases { get; init; } = [];

    /// <summary>The paragraphs use this very phrase, not only the positions' summaries, aliases and questions.</summary>
    public bool InText => TextPhrases.Contains(Phrase);
}
