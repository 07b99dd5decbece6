using System.Collections.Immutable;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace PolicyBot.Core.Knowledge;

/// <summary>
/// Reads an article (<c>---</c> YAML front matter, then one paragraph per blank-line-separated block) and its
/// optional positions file. Paragraph N is the N-th block after the front matter.
/// </summary>
public static class ArticleParser
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    public static Article Parse(string slug, string markdown, string? positionsYaml, string sourceName = "article")
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var (frontMatter, bodyStart) = ReadFrontMatter(lines, sourceName);
        var paragraphs = SplitParagraphs(lines.AsSpan(bodyStart));
        if (paragraphs.Length == 0)
        {
            throw new ArticleFormatException($"{sourceName}: the article has no paragraphs after its front matter.");
        }

        var article = new Article(
            slug,
            Required(frontMatter.Title, "title", sourceName),
            Required(frontMatter.Author, "author", sourceName),
            Required(frontMatter.Outlet, "outlet", sourceName),
            frontMatter.Published,
            [.. frontMatter.Tags ?? []],
            paragraphs,
            []);
        if (positionsYaml is null)
        {
            return article;
        }

        var file = ReadPositionsFile(positionsYaml, sourceName);
        return article with
        {
            Positions = ParsePositions(file, article, sourceName),
            Synonyms = [.. (file?.Synonyms ?? []).Select(g => g.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).ToImmutableArray()).Where(g => g.Length > 1)],
            Actors = ParseActors(file, sourceName),
        };
    }

    private static (FrontMatter FrontMatter, int BodyStart) ReadFrontMatter(string[] lines, string sourceName)
    {
        var first = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (first < 0 || lines[first].Trim() != "---")
        {
            throw new ArticleFormatException($"{sourceName}: expected YAML front matter starting with '---' (title, author, outlet).");
        }

        var close = Array.FindIndex(lines, first + 1, l => l.Trim() == "---");
        if (close < 0)
        {
            throw new ArticleFormatException($"{sourceName}: the front matter is not closed with a '---' line.");
        }

        try
        {
            var yaml = string.Join('\n', lines[(first + 1)..close]);
            return (Yaml.Deserialize<FrontMatter?>(yaml) ?? new FrontMatter(), close + 1);
        }
        catch (YamlException ex)
        {
            throw new ArticleFormatException($"{sourceName}: the front matter is not valid YAML ({ex.Message}).", ex);
        }
    }

    private static ImmutableArray<string> SplitParagraphs(ReadOnlySpan<string> lines)
    {
        var paragraphs = ImmutableArray.CreateBuilder<string>();
        var block = new List<string>();
        foreach (var line in lines)
        {
            if (line.Trim().Length == 0)
            {
                Flush();
            }
            else
            {
                block.Add(line.Trim());
            }
        }

        Flush();
        return paragraphs.ToImmutable();

        void Flush()
        {
            if (block.Count > 0)
            {
                paragraphs.Add(string.Join(' ', block));
                block.Clear();
            }
        }
    }

    private static PositionsFile? ReadPositionsFile(string yaml, string sourceName)
    {
        try
        {
            return Yaml.Deserialize<PositionsFile?>(yaml);
        }
        catch (YamlException ex)
        {
            throw new ArticleFormatException($"{sourceName}: the positions file is not valid YAML ({ex.Message}).", ex);
        }
    }

    private static ImmutableArray<Position> ParsePositions(PositionsFile? file, Article article, string sourceName)
    {
        var positions = ImmutableArray.CreateBuilder<Position>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in file?.Positions ?? [])
        {
            var id = Required(entry.Id, "id", sourceName + " (a position)");
            var where = $"{sourceName}, position '{id}'";
            if (!ids.Add(id))
            {
                throw new ArticleFormatException($"{where}: the id is used twice.");
            }

            var paragraphs = entry.Paragraphs ?? [];
            if (paragraphs.Count == 0)
            {
                throw new ArticleFormatException($"{where}: list at least one paragraph.");
            }

            var outOfRange = paragraphs.Where(n => !article.HasParagraph(n)).ToArray();
            if (outOfRange.Length > 0)
            {
                throw new ArticleFormatException(
                    $"{where}: paragraph {string.Join(", ", outOfRange)} does not exist (the article has {article.ParagraphCount}).");
            }

            positions.Add(new Position(
                id,
                Required(entry.Title, "title", where),
                entry.Holder?.Trim() is { Length: > 0 } holder ? holder : "The author",
                [.. paragraphs],
                Required(entry.Summary, "summary", where),
                [.. (entry.Aliases ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim())])
            {
                Actor = entry.Actor?.Trim() is { Length: > 0 } actor ? actor : null,
                Questions = [.. (entry.Questions ?? []).Where(q => !string.IsNullOrWhiteSpace(q)).Select(q => q.Trim())],
            });
        }

        return positions.ToImmutable();
    }

    private static ImmutableDictionary<string, ImmutableArray<string>> ParseActors(PositionsFile? file, string sourceName)
    {
        var actors = (file?.Actors ?? []).Where(kv => !string.IsNullOrWhiteSpace(kv.Key))
            .ToImmutableDictionary(kv => kv.Key.Trim(), kv => (kv.Value ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).ToImmutableArray(), StringComparer.OrdinalIgnoreCase);
        foreach (var entry in file?.Positions ?? [])
        {
            if (entry.Actor?.Trim() is { Length: > 0 } actor && !actors.ContainsKey(actor))
            {
                throw new ArticleFormatException($"{sourceName}, position '{entry.Id}': actor '{actor}' is not listed under 'actors'.");
            }
        }

        return actors;
    }

    private static string Required(string? value, string field, string where) =>
        value?.Trim() is { Length: > 0 } text ? text : throw new ArticleFormatException($"{where}: '{field}' is missing.");

    private sealed class FrontMatter
    {
        public string? Title { get; set; }

        public string? Author { get; set; }

        public string? Outlet { get; set; }

        public string? Published { get; set; }

        public List<string>? Tags { get; set; }
    }

    private sealed class PositionsFile
    {
        public List<PositionEntry>? Positions { get; set; }

        public List<List<string>>? Synonyms { get; set; }

        public Dictionary<string, List<string>>? Actors { get; set; }
    }

    private sealed class PositionEntry
    {
        public string? Id { get; set; }

        public string? Title { get; set; }

        public string? Holder { get; set; }

        public string? Actor { get; set; }

        public List<int>? Paragraphs { get; set; }

        public string? Summary { get; set; }

        public List<string>? Aliases { get; set; }

        public List<string>? Questions { get; set; }
    }
}
