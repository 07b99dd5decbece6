using System.Collections.Immutable;

namespace PolicyBot.Core.Knowledge;

/// <summary>
/// Every article in the articles folder: each <c>&lt;slug&gt;.md</c>, with its <c>&lt;slug&gt;.positions.yaml</c> and
/// <c>&lt;slug&gt;.questions.jsonl</c> when present.
/// Adding an article is adding files; no code changes.
/// </summary>
public sealed class ArticleLibrary
{
    public const string PositionsSuffix = ".positions.yaml";

    public const string LabelledQuestionsSuffix = ".questions.jsonl";

    private readonly Dictionary<string, Article> _bySlug;

    public ArticleLibrary(IEnumerable<Article> articles, string? defaultSlug = null)
    {
        Articles = [.. articles.OrderBy(a => a.Slug, StringComparer.Ordinal)];
        _bySlug = Articles.ToDictionary(a => a.Slug, StringComparer.OrdinalIgnoreCase);
        if (!string.IsNullOrWhiteSpace(defaultSlug) && !_bySlug.ContainsKey(defaultSlug))
        {
            throw new ArticleFormatException(
                $"Knowledge:DefaultArticle is '{defaultSlug}', but no such article is loaded (have: {string.Join(", ", _bySlug.Keys)}).");
        }

        Default = string.IsNullOrWhiteSpace(defaultSlug) ? (Articles.Length == 1 ? Articles[0] : null) : _bySlug[defaultSlug];
    }

    public ImmutableArray<Article> Articles { get; }

    /// <summary>The article commands use when none is named: the configured default, or the only one loaded.</summary>
    public Article? Default { get; }

    public bool TryGet(string slug, out Article article) => _bySlug.TryGetValue(slug, out article!);

    /// <summary>Loads every article in <paramref name="folder"/>; a malformed file stops start-up with its name in the message.</summary>
    public static ArticleLibrary Load(string folder, string? defaultSlug = null)
    {
        if (!Directory.Exists(folder))
        {
            throw new ArticleFormatException($"The articles folder '{folder}' does not exist (Knowledge:ArticlesPath).");
        }

        var articles = Directory.EnumerateFiles(folder, "*.md")
            .Order(StringComparer.Ordinal)
            .Select(path =>
            {
                var slug = Path.GetFileNameWithoutExtension(path);
                var positionsPath = Path.Combine(folder, slug + PositionsSuffix);
                var article = ArticleParser.Parse(
                    slug,
                    File.ReadAllText(path),
                    File.Exists(positionsPath) ? File.ReadAllText(positionsPath) : null,
                    Path.GetFileName(path));
                var questionsPath = Path.Combine(folder, slug + LabelledQuestionsSuffix);
                return File.Exists(questionsPath)
                    ? article with { LabelledQuestions = LabelledQuestionsParser.Parse(File.ReadAllText(questionsPath), slug, article.ParagraphCount, Path.GetFileName(questionsPath)) }
                    : article;
            })
            .ToArray();
        return articles.Length == 0
            ? throw new ArticleFormatException($"The articles folder '{folder}' has no <slug>.md files.")
            : new ArticleLibrary(articles, defaultSlug);
    }
}
