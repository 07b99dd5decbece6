using System.Collections.Immutable;

namespace PolicyBot.Core.Knowledge;

/// <summary>
/// The articles loaded at one moment: an immutable snapshot. <see cref="ArticleCatalog"/> replaces it when the articles
/// folder changes, so a command reads one consistent set from start to end.
/// </summary>
public sealed class ArticleLibrary
{
    private readonly Dictionary<string, Article> _bySlug;

    /// <param name="defaultSlug">The article commands use when none is named; ignored when no such article is loaded.</param>
    public ArticleLibrary(IEnumerable<Article> articles, string? defaultSlug = null)
    {
        Articles = [.. articles.OrderBy(a => a.Slug, StringComparer.Ordinal)];
        _bySlug = Articles.ToDictionary(a => a.Slug, StringComparer.OrdinalIgnoreCase);
        Default = !string.IsNullOrWhiteSpace(defaultSlug) && _bySlug.TryGetValue(defaultSlug, out var chosen)
            ? chosen
            : Articles.Length == 1 ? Articles[0] : null;
    }

    public static ArticleLibrary Empty { get; } = new([]);

    public ImmutableArray<Article> Articles { get; }

    /// <summary>The article commands use when none is named: the configured default, or the only one loaded.</summary>
    public Article? Default { get; }

    public bool TryGet(string slug, out Article article) => _bySlug.TryGetValue(slug, out article!);

    /// <summary>Loads every article in <paramref name="folder"/>; the first malformed file stops it (tools and tests).</summary>
    public static ArticleLibrary Load(string folder, string? defaultSlug = null)
    {
        var read = ArticleFolder.ReadAll(folder);
        return read.Errors.Count > 0 ? throw read.Errors[0] : new ArticleLibrary(read.Articles, defaultSlug);
    }
}
