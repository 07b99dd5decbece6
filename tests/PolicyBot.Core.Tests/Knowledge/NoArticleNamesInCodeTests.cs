using System.Text.RegularExpressions;

namespace PolicyBot.Core.Tests.Knowledge;

/// <summary>
/// The answering code must hold for any article: it may not name the people, places or outlets of the seed article
/// (or of any one article). Knowledge about one article belongs in that article's data files.
/// </summary>
public sealed class NoArticleNamesInCodeTests
{
    // The seed article's people, places, bodies and outlets, and the phrasings the old rules carried.
    private static readonly string[] SeedNames =
    [
        "Kim Jong", "Jong-un", "Pyongyang", "North Korea", "South Korea", "Korean", "Kushner", "Trump", "Kristian", "KCNA", "Panmunjom",
        "Biegun", "Rocket Man", "Defense Priorities", "The Week", "Seoul", "DPRK", "Washington", "denucleari",
    ];

    [Fact]
    public void No_source_file_of_the_answering_code_names_the_seed_article_s_people_places_or_outlets()
    {
        var folders = new[] { Path.Combine("src", "PolicyBot.Core", "Knowledge"), Path.Combine("src", "PolicyBot.Training"), Path.Combine("src", "PolicyBot", "Cli") };
        var files = folders.SelectMany(f => Directory.EnumerateFiles(Path.Combine(TestArticles.RepositoryRoot, f), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToArray();

        var found = files.SelectMany(file => SeedNames
                .Where(name => File.ReadAllText(file).Contains(name, StringComparison.OrdinalIgnoreCase))
                .Select(name => $"{Path.GetRelativePath(TestArticles.RepositoryRoot, file)} names “{name}”"))
            .ToArray();

        Assert.True(files.Length > 30, "the answering code was not found");
        Assert.Empty(found);
    }

    // The seed article's topics as whole words (a help text or example that names them ties the bot to one article).
    private static readonly string[] SeedTopics = [@"missiles?", @"nuclear", @"denucleari\w*", @"sanctions?", @"concessions?", @"washington-first", @"pyongyang-steps", @"trump-kim"];

    [Fact]
    public void No_source_file_anywhere_in_src_names_the_seed_article_s_people_places_or_topics()
    {
        var pattern = new Regex(
            $@"\b(?:{string.Join('|', SeedNames.Select(Regex.Escape).Concat(SeedTopics))})\b",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(5));
        var files = Directory.EnumerateFiles(Path.Combine(TestArticles.RepositoryRoot, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToArray();

        var found = files.SelectMany(file => pattern.Matches(File.ReadAllText(file))
                .Select(match => $"{Path.GetRelativePath(TestArticles.RepositoryRoot, file)} names “{match.Value}”"))
            .ToArray();

        Assert.True(files.Length > 100, "the sources were not found");
        Assert.Empty(found);
    }
}
