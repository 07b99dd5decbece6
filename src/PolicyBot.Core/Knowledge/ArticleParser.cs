using System.Collections.Immutable;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace PolicyBot.Core.Knowledge;

/// <summary>
/// Reads an article (<c>---</c> YAML front matter, then one paragraph per blank-line-separated block) and its
/// optional positions file. Paragraph N is the N-th block after the front matter. A malformed file is refused with an
/// <see cref="ArticleFormatException"/> naming the file and the line.
/// </summary>
public static class ArticleParser
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    /// <param name="positionsName">The positions file's name in messages; by default the article's.</param>
    public static Article Parse(string slug, string markdown, string? positionsYaml, string sourceName = "article", string? positionsName = null)
    {
        positionsName ??= sourceName;
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var (frontMatter, opening, bodyStart) = ReadFrontMatter(lines, sourceName);
        var paragraphs = SplitParagraphs(lines.AsSpan(bodyStart));
        if (paragraphs.Length == 0)
        {
            throw new ArticleFormatException($"{sourceName}, line {bodyStart + 1}: the article has no paragraphs after its front matter.");
        }

        var where = $"{sourceName}, line {opening + 1}";
        var article = new Article(
            slug,
            Required(frontMatter.Title, "title", where),
            Required(frontMatter.Author, "author", where),
            Required(frontMatter.Outlet, "outlet", where),
            frontMatter.Published,
            [.. frontMatter.Tags ?? []],
            paragraphs,
            []);
        if (positionsYaml is null)
        {
            return article;
        }

        var file = ReadPositionsFile(positionsYaml, positionsName);
        return article with { Positions = ParsePositions(file, positionsYaml, article, positionsName) };
    }

    private static (FrontMatter FrontMatter, int Opening, int BodyStart) ReadFrontMatter(string[] lines, string sourceName)
    {
        var first = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (first < 0 || lines[first].Trim() != "---")
        {
            throw new ArticleFormatException($"{sourceName}, line {Math.Max(first, 0) + 1}: expected YAML front matter starting with '---' (title, author, outlet).");
        }

        var close = Array.FindIndex(lines, first + 1, l => l.Trim() == "---");
        if (close < 0)
        {
            throw new ArticleFormatException($"{sourceName}, line {first + 1}: the front matter is not closed with a '---' line.");
        }

        try
        {
            var yaml = string.Join('\n', lines[(first + 1)..close]);
            return (Yaml.Deserialize<FrontMatter?>(yaml) ?? new FrontMatter(), first, close + 1);
        }
        catch (YamlException ex)
        {
            throw new ArticleFormatException($"{sourceName}, line {first + 1 + ex.Start.Line}: the front matter is not valid YAML ({ex.Message}).", ex);
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
            throw new ArticleFormatException($"{sourceName}, line {ex.Start.Line}: not valid YAML ({ex.Message}).", ex);
        }
    }

    private static ImmutableArray<Position> ParsePositions(PositionsFile? file, string yaml, Article article, string sourceName)
    {
        var lines = yaml.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var positions = ImmutableArray.CreateBuilder<Position>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in file?.Positions ?? [])
        {
            var id = Required(entry.Id, "id", $"{sourceName} (a position without an id)");
            var where = $"{sourceName}, line {LineOfId(lines, id)}, position '{id}'";
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
                Required(entry.Summary, "summary", where))
            {
                Questions = [.. (entry.Questions ?? []).Where(q => !string.IsNullOrWhiteSpace(q)).Select(q => q.Trim())],
            });
        }

        return positions.ToImmutable();
    }

    // The 1-based line that declares a position's id, so an error points at the position.
    private static int LineOfId(string[] lines, string id)
    {
        var index = Array.FindIndex(lines, l => l.TrimStart(' ', '-').StartsWith("id:", StringComparison.Ordinal) && l.Contains(id, StringComparison.Ordinal));
        return index + 1;
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
    }

    private sealed class PositionEntry
    {
        public string? Id { get; set; }

        public string? Title { get; set; }

        public string? Holder { get; set; }

        public List<int>? Paragraphs { get; set; }

        public string? Summary { get; set; }

        public List<string>? Questions { get; set; }
    }
}
