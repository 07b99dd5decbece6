using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Knowledge.Retrieval;

namespace PolicyBot.Core.Knowledge;

/// <summary>
/// Hybrid retrieval: BM25 over paragraphs and over positions (summaries and aliases) plus MiniLM sentence embeddings
/// of paragraphs, sentences, summaries, aliases and example questions. It picks a paragraph, quotes it verbatim, opens
/// with the position's summary, and declines when <see cref="DeclinePolicy"/> says the evidence is weak. When the
/// article has labelled questions and the closest of them agree (<see cref="QuestionBank"/>), their answer wins.
/// The corpus is embedded once (at start-up via <see cref="KnowledgeWarmup"/>, or on first use); a question costs one
/// short inference (the question and its topic in one batch, see <see cref="QuestionTopic"/> and
/// <see cref="ArticleWording"/>) plus arithmetic.
/// </summary>
public sealed partial class HybridAnswerer : IAnswerer
{
    // A second citation is added when another paragraph of the same position scores nearly as well.
    private const double SecondCitationRatio = 0.9;

    // Encoded question texts kept for repeats: a question takes one entry, plus one per article when its topic differs.
    private const int TextVectorCacheSize = 1024;

    // How close a paragraph that holds the kind of fact asked for ("when" needs a date) must score to replace the top one.
    private const double AnswerKindRunnerUpRatio = 0.9;

    private readonly ArticleLibrary _library;
    private readonly ITextEmbedder _embedder;
    private readonly EmbeddingCache _cache;
    private readonly DeclinePolicy _policy;
    private readonly ILogger<HybridAnswerer> _logger;
    private readonly ImmutableDictionary<string, ArticleIndex> _indexes;
    private readonly ConcurrentDictionary<string, float[]> _textVectors = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<string>? _heldOutQuestions;
    private readonly Lock _gate = new();
    private Task<ImmutableDictionary<string, SemanticIndex>>? _semantic;

    /// <param name="heldOutQuestions">
    /// For evaluations only: the questions being measured, which the articles' labelled questions must not answer for
    /// them (<see cref="QuestionBank"/>).
    /// </param>
    public HybridAnswerer(
        ArticleLibrary library, ITextEmbedder embedder, EmbeddingCache cache, ILogger<HybridAnswerer> logger, DeclinePolicy? policy = null,
        IReadOnlyList<string>? heldOutQuestions = null)
    {
        _library = library;
        _embedder = embedder;
        _cache = cache;
        _logger = logger;
        _policy = policy ?? DeclinePolicy.Default;
        _heldOutQuestions = heldOutQuestions;
        _indexes = library.Articles.ToImmutableDictionary(a => a.Slug, a => new ArticleIndex(a, PolicyLexicon.Default), StringComparer.OrdinalIgnoreCase);
    }

    public ArticleLibrary Library => _library;

    /// <summary>True once the model is loaded and the corpus embedded.</summary>
    public bool IsWarm => _semantic is { IsCompletedSuccessfully: true };

    /// <summary>Loads the model and embeds the corpus; concurrent callers share one run, a failed run is retried next time.</summary>
    public Task WarmUpAsync(CancellationToken cancellationToken) => SemanticIndexes().WaitAsync(cancellationToken);

    public async Task<Answer> AnswerAsync(string question, string? articleSlug, CancellationToken cancellationToken)
    {
        question = question.Trim();
        var articles = ArticlesFor(articleSlug);
        var analyses = articles.Select(a => _indexes[a.Slug])
            .Select(index => (Index: index, Analysis: QuestionAnalysis.Analyze(question, index), Structural: index.Structure.ParagraphFor(question)))
            .ToArray();

        // Declines that words alone decide (unknown names, nothing in common) cost no inference. Letting the labelled
        // questions (QuestionBank) overrule them too was net zero over all sets (one answer gained, one decline lost).
        var open = analyses.Where(a => a.Structural is not null || _policy.Evaluate(a.Analysis, similarity: null) is null).ToArray();
        if (open.Length == 0)
        {
            var analysis = analyses[0].Analysis;
            return AnswerComposer.Decline(question, articles, new AnswerSignals(analysis.Coverage, 0, 0, _policy.Evaluate(analysis, null)!), DeclinePolicy.Explain(analysis));
        }

        var semantic = await SemanticIndexes().WaitAsync(cancellationToken).ConfigureAwait(false);
        // Passages meet the question's topic (QuestionTopic) in the article's own words (ArticleWording).
        var topic = QuestionTopic.Of(question);
        var topics = open.ToDictionary(a => a.Index.Article.Slug, a => ArticleWording.Apply(topic, a.Index), StringComparer.Ordinal);
        var vectors = Embed([question, .. topics.Values], cancellationToken);
        Answer? best = null;
        var bestScore = double.MinValue;
        Answer? bestDecline = null;
        foreach (var (index, analysis, structural) in open)
        {
            var (answer, score) = AnswerFrom(semantic[index.Article.Slug], analysis, structural, question, new QuestionVectors(vectors[question], vectors[topics[index.Article.Slug]]));
            if (!answer.Declined && score > bestScore)
            {
                (best, bestScore) = (answer, score);
            }

            bestDecline ??= answer;
        }

        // Across several articles the reasons differ per article; the decline then lists what each covers.
        return best ?? (articles.Count == 1 ? bestDecline! : bestDecline! with { Summary = AnswerComposer.DeclineText(articles) });
    }

    /// <param name="structural">The paragraph a question about the text's shape points at (<see cref="StructureCues"/>), if any.</param>
    private (Answer Answer, double Score) AnswerFrom(SemanticIndex semantic, QuestionAnalysis analysis, int? structural, string question, QuestionVectors questionVectors)
    {
        var index = semantic.Index;
        var article = index.Article;
        // Example questions meet the whole question; passages, summaries and aliases meet its topic (QuestionTopic).
        var similarities = semantic.UnitVectors
            .Select((v, u) => (double)SemanticIndex.Similarity(index.Units[u].Kind == UnitKind.Question ? questionVectors.Whole : questionVectors.Topic, v))
            .ToArray();
        var ranked = ParagraphScorer.Score(index, analysis, similarities)
            .OrderByDescending(e => e.Paragraph == structural)
            .ThenByDescending(e => e.Score)
            .ToArray();
        var top = ranked[0];

        // "What is the year-end deadline about?": the passage that introduces the thing, if it scores close to the best.
        if (structural is null && DefinitionCue.Subject(question) is { } subject
            && DefinitionCue.FirstNaming(subject, ranked, index) is { } introduction && introduction != top)
        {
            top = introduction;
            ranked = [introduction, .. ranked.Where(e => e != introduction)];
        }

        // A question that asks for a kind of fact (a date, a figure, a place, a name, an age: AnswerKind) needs a
        // paragraph holding one; a close runner-up that has one is the better answer, else the article does not answer.
        // Not for a past event's date ("when did they first meet?"): another passage's date ("late October") dates
        // something else.
        var kind = AnswerKinds.Of(question, index.WrittenIn);
        string? kindReason = null;
        if (structural is null && !Supplies(top.Paragraph))
        {
            var supplier = ranked.FirstOrDefault(e => Supplies(e.Paragraph));
            if (supplier is not null && supplier.Score >= AnswerKindRunnerUpRatio * top.Score && kind != AnswerKind.Date)
            {
                top = supplier;
                ranked = [supplier, .. ranked.Where(e => e != supplier)];
            }
            else
            {
                kindReason = AnswerKinds.MissingReason(kind);
            }
        }

        var bestSimilarity = ranked.Max(e => e.BestSimilarity);

        // A question about the text's shape ("the third point") is answerable whatever its words.
        var reason = structural is not null ? null : kindReason ?? _policy.Evaluate(analysis, bestSimilarity, ranked.Max(e => e.SentenceLexical));
        var answered = "answered";
        var voted = false;

        // The labelled questions nearest to this one overrule the rules above when they agree (QuestionBank).
        if (structural is null && semantic.Bank.Vote(questionVectors.Whole) is { } vote)
        {
            if (reason is null && vote.SaysDecline)
            {
                reason = "the closest labelled questions are ones the article does not answer";
            }
            // Not when the article lacks the kind of fact asked for, nor for a paragraph that does not hold it: MiniLM
            // hardly weighs the question word, so "Where will the talks be held?" sits close to "When could the talks
            // happen?".
            else if (kindReason is null
                && (reason is null ? vote.ParagraphToCiteInstead(top.Paragraph) : vote.ParagraphToAnswerFrom(ranked.Select(e => e.Paragraph))) is { } paragraph
                && Supplies(paragraph)
                && ranked.FirstOrDefault(e => e.Paragraph == paragraph) is { } chosen)
            {
                (top, ranked, reason, answered, voted) = (chosen, [chosen, .. ranked.Where(e => e != chosen)], null, "answered like the closest labelled questions", true);
            }
        }

        var signals = new AnswerSignals(analysis.Coverage, bestSimilarity, top.Lexical, answered) { Candidates = [.. ranked] };
        if (reason is not null)
        {
            var explanation = kindReason ?? DeclinePolicy.Explain(analysis);
            return (AnswerComposer.Decline(question, [article], signals with { Reason = reason }, explanation), top.Score);
        }

        // After a vote, the runner-up is usually the paragraph the vote overruled: it is not cited beside the chosen one.
        var cited = new List<int> { top.Paragraph };
        if (!voted && top.Position is { } position && ranked.Length > 1
            && position.Paragraphs.Contains(ranked[1].Paragraph) && ranked[1].Score >= SecondCitationRatio * top.Score)
        {
            cited.Add(ranked[1].Paragraph);
        }

        var citations = cited.Select(p => AnswerComposer.Quote(index, p, s =>
                SemanticIndex.Similarity(questionVectors.Topic, semantic.SentenceVectors[p - 1][s])
                + (0.5 * index.SentenceOverlap(analysis.QueryTerms, p, s, analysis.IdealTerms))))
            .ToImmutableArray();
        var summary = structural is not null && StructureCues.AsksWhenWritten(question) && !string.IsNullOrWhiteSpace(article.Published)
            ? $"Published: {article.Published}."
            : top.Position?.Summary ?? $"Paragraph {top.Paragraph} of “{article.Title}” is the closest passage.";
        return (new Answer(question, false, summary, citations, article, top.Position, signals), top.Score);

        // A date dates an event only in the passage that tells of it (in its words or its position's): "When did Kim
        // Jong-un come to power?" is not answered by "warned in late October", which shares only his name.
        bool Supplies(int paragraph) => AnswerKinds.Supplies(kind, article.Paragraph(paragraph), question)
            && (kind != AnswerKind.Date || analysis.EventTerms.IsEmpty || analysis.EventTerms.Any(index.DescribedTerms[paragraph - 1].Contains));
    }

    private IReadOnlyList<Article> ArticlesFor(string? slug)
    {
        if (slug is not null)
        {
            return _library.TryGet(slug, out var article)
                ? [article]
                : throw new ArgumentException($"No article '{slug}' is loaded.", nameof(slug));
        }

        return _library.Default is { } only ? [only] : _library.Articles;
    }

    // One inference call for every text not yet encoded: the question, and its topic in each article's wording.
    private Dictionary<string, float[]> Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            if (_textVectors.TryGetValue(text, out var cached))
            {
                vectors[text] = cached;
            }
        }

        var missing = texts.Where(t => !vectors.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToArray();
        if (missing.Length == 0)
        {
            return vectors;
        }

        var encoded = _embedder.Embed(missing, cancellationToken);
        if (_textVectors.Count >= TextVectorCacheSize)
        {
            _textVectors.Clear(); // Crude but bounded; a popular question is encoded again once, then kept.
        }

        for (var i = 0; i < missing.Length; i++)
        {
            vectors[missing[i]] = encoded[i];
            _textVectors[missing[i]] = encoded[i];
        }

        return vectors;
    }

    private Task<ImmutableDictionary<string, SemanticIndex>> SemanticIndexes()
    {
        lock (_gate)
        {
            if (_semantic is null || _semantic.IsFaulted || _semantic.IsCanceled)
            {
                _semantic = Task.Run(BuildSemanticIndexes, CancellationToken.None);
            }

            return _semantic;
        }
    }

    private ImmutableDictionary<string, SemanticIndex> BuildSemanticIndexes()
    {
        var clock = Stopwatch.StartNew();
        try
        {
            _embedder.EnsureLoaded();
            var modelMs = clock.ElapsedMilliseconds;
            var indexes = _indexes.ToImmutableDictionary(
                kv => kv.Key,
                kv => SemanticIndex.Build(kv.Value, _embedder, _cache, CancellationToken.None, _heldOutQuestions),
                StringComparer.OrdinalIgnoreCase);
            LogWarm(_indexes.Count, indexes.Values.Sum(i => i.UnitVectors.Length), modelMs, clock.ElapsedMilliseconds);
            return indexes;
        }
        catch (Exception ex)
        {
            LogWarmFailed(ex);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge ready: {Articles} article(s), {Units} embedded units (model {ModelMs} ms, total {TotalMs} ms)")]
    private partial void LogWarm(int articles, int units, long modelMs, long totalMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Loading the sentence-embedding model or embedding the articles failed")]
    private partial void LogWarmFailed(Exception exception);

    /// <summary>The question encoded whole, and as its topic in the article's words (the same vector when they are alike).</summary>
    private sealed record QuestionVectors(float[] Whole, float[] Topic);
}
