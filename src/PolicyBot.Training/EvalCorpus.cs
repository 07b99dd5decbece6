using System.Text.Json;
using PolicyBot.Core.Knowledge;
using PolicyBot.Core.Knowledge.Evaluation;

namespace PolicyBot.Training;

/// <summary>An article of the corpus with its labelled questions.</summary>
public sealed record CorpusArticle(Article Article, IReadOnlyList<EvalCase> Questions);

/// <summary>
/// A development corpus of many articles: <c>articles/&lt;slug&gt;.md</c>, <c>questions/&lt;slug&gt;.jsonl</c> (the eval
/// files' shape) and <c>halves.json</c>, which splits the articles into two named halves: one to tune on, one to report
/// on that no change was tuned on (<c>{"tune": [slugs], "report": [slugs]}</c>).
/// </summary>
public sealed class EvalCorpus
{
    private readonly Dictionary<string, string[]> _halves;

    private EvalCorpus(IReadOnlyList<CorpusArticle> articles, Dictionary<string, string[]> halves)
    {
        Articles = articles;
        _halves = halves;
    }

    public IReadOnlyList<CorpusArticle> Articles { get; }

    public IEnumerable<string> HalfNames => _halves.Keys;

    /// <summary>The articles of a half by name, every article for <c>all</c>, or several halves joined by '+' ("tune+written").</summary>
    public IReadOnlyList<CorpusArticle> Half(string name) =>
        name == "all" ? Articles
        : name.Contains('+', StringComparison.Ordinal) ? [.. name.Split('+').SelectMany(Half).Distinct()]
        : _halves.TryGetValue(name, out var slugs) ? [.. Articles.Where(a => slugs.Contains(a.Article.Slug, StringComparer.Ordinal))]
        : throw new ArgumentException($"The corpus has no half '{name}' (it has: all, {string.Join(", ", _halves.Keys)}).", nameof(name));

    /// <summary>The articles not in half <paramref name="name"/>.</summary>
    public IReadOnlyList<CorpusArticle> Except(string name) => [.. Articles.Except(Half(name))];

    /// <summary>
    /// The same articles with the questions of <paramref name="questionsFolder"/> (<c>&lt;slug&gt;.jsonl</c>) instead, for
    /// the articles it has questions for: a set written later, measured once, without touching what was trained on.
    /// </summary>
    public async Task<IReadOnlyList<CorpusArticle>> WithQuestionsAsync(IReadOnlyList<CorpusArticle> articles, string questionsFolder, CancellationToken cancellationToken)
    {
        var replaced = new List<CorpusArticle>();
        foreach (var article in articles)
        {
            var path = Path.Combine(questionsFolder, article.Article.Slug + ".jsonl");
            if (File.Exists(path))
            {
                var cases = await EvalCase.ReadJsonLinesAsync(path, cancellationToken).ConfigureAwait(false);
                replaced.Add(article with { Questions = [.. cases.Select(c => c with { Article = article.Article.Slug })] });
            }
        }

        return replaced;
    }

    public static async Task<EvalCorpus> LoadAsync(string folder, CancellationToken cancellationToken)
    {
        var articlesFolder = Path.Combine(folder, "articles");
        var library = ArticleLibrary.Load(articlesFolder);
        var articles = new List<CorpusArticle>();
        foreach (var article in library.Articles)
        {
            var questions = Path.Combine(folder, "questions", article.Slug + ".jsonl");
            if (File.Exists(questions))
            {
                var cases = await EvalCase.ReadJsonLinesAsync(questions, cancellationToken).ConfigureAwait(false);
                articles.Add(new CorpusArticle(article, [.. cases.Select(c => c with { Article = article.Slug })]));
            }
        }

        var halvesPath = Path.Combine(folder, "halves.json");
        var halves = File.Exists(halvesPath)
            ? JsonSerializer.Deserialize<Dictionary<string, string[]>>(await File.ReadAllTextAsync(halvesPath, cancellationToken).ConfigureAwait(false)) ?? []
            : [];
        var unknown = halves.Values.SelectMany(s => s).Where(s => !library.TryGet(s, out _)).ToArray();
        return unknown.Length > 0
            ? throw new FormatException($"{halvesPath} names articles the corpus does not have: {string.Join(", ", unknown)}.")
            : new EvalCorpus(articles, halves);
    }
}
