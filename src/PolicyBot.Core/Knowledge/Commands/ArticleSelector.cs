using System.Text.RegularExpressions;
using PolicyBot.Core.Chat;

namespace PolicyBot.Core.Knowledge.Commands;

/// <summary>
/// Reads an optional article choice at the start of command arguments: <c>--article &lt;slug&gt; rest</c> or
/// <c>&lt;slug&gt;: rest</c> (the second form only when the slug is a loaded article, so "Note: ..." stays a question).
/// </summary>
public static partial class ArticleSelector
{
    /// <param name="slug">The chosen slug, or null when none was given.</param>
    /// <param name="error">A reply for an unknown slug after <c>--article</c>.</param>
    public static bool TrySplit(ArticleLibrary library, string arguments, out string? slug, out string rest, out Reply? error)
    {
        slug = null;
        rest = arguments.Trim();
        error = null;

        var option = OptionForm().Match(rest);
        if (option.Success)
        {
            var named = option.Groups[1].Value;
            if (!library.TryGet(named, out var article))
            {
                error = UnknownArticle(library, named);
                return false;
            }

            slug = article.Slug;
            rest = rest[option.Length..].Trim();
            return true;
        }

        var prefix = PrefixForm().Match(rest);
        if (prefix.Success && library.TryGet(prefix.Groups[1].Value, out var prefixed))
        {
            slug = prefixed.Slug;
            rest = rest[prefix.Length..].Trim();
        }

        return true;
    }

    /// <summary>The article a command uses: the chosen one, else the default (configured or only one), else null.</summary>
    public static Article? Resolve(ArticleLibrary library, string? slug) =>
        slug is not null && library.TryGet(slug, out var article) ? article : library.Default;

    public static string LoadedSlugs(ArticleLibrary library) => string.Join(", ", library.Articles.Select(a => $"`{a.Slug}`"));

    /// <summary>The error for a slug that names no loaded article (the slug is user text: shortened and defused).</summary>
    public static Reply UnknownArticle(ArticleLibrary library, string slug) =>
        Reply.Error($"There is no article `{MentionGuard.Defuse(Shorten(slug))}`. Loaded: {LoadedSlugs(library)}.");

    /// <summary>The error for commands that need one article when several are loaded and none is the default.</summary>
    public static Reply ChooseArticle(ArticleLibrary library, string example) =>
        Reply.Error($"Several articles are loaded; name one, e.g. `{example}`. Loaded: {LoadedSlugs(library)}.");

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    [GeneratedRegex(@"^--article(?:\s+|=)(\S+)", RegexOptions.CultureInvariant)]
    private static partial Regex OptionForm();

    [GeneratedRegex(@"^([A-Za-z0-9][A-Za-z0-9_\-]*)\s*:", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixForm();
}
