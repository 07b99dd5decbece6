using PolicyBot.Core.Knowledge;
using PolicyBot.Tests.Shared;

namespace PolicyBot.Core.Tests.Knowledge;

/// <summary>A small second article written by tests, optionally with labelled questions beside it.</summary>
public static class BikesArticle
{
    public const string Slug = "city-bikes";

    public const string Text = """
        ---
        title: Why the city should fund bike lanes
        author: Sam Rivera
        outlet: The Gazette
        ---

        The council will vote on the transport budget next month.

        Protected bike lanes cut cycling injuries sharply in every city that built them. They also make commuting cheaper for families.

        Critics say lanes hurt shop owners, but sales on streets with lanes rose after construction finished.
        """;

    /// <summary>The text of paragraph <paramref name="number"/> (1-based), as the article above has it.</summary>
    public static string Paragraph(int number) => number switch
    {
        1 => "The council will vote on the transport budget next month.",
        2 => "Protected bike lanes cut cycling injuries sharply in every city that built them. They also make commuting cheaper for families.",
        3 => "Critics say lanes hurt shop owners, but sales on streets with lanes rose after construction finished.",
        _ => throw new ArgumentOutOfRangeException(nameof(number)),
    };

    /// <summary>The article as parsed from <see cref="Text"/>.</summary>
    public static Article Read() => ArticleParser.Parse(Slug, Text, null);

    /// <summary>A new folder holding the article and, unless null, its <c>.questions.jsonl</c>.</summary>
    public static ScratchFolder WriteFolder(string? questions)
    {
        var folder = new ScratchFolder();
        File.WriteAllText(folder.Combine(Slug + ".md"), Text);
        if (questions is not null)
        {
            File.WriteAllText(folder.Combine(Slug + ".questions.jsonl"), questions);
        }

        return folder;
    }

    /// <summary>The library of the article and, unless null, its labelled questions, as loaded from a folder (gone afterwards).</summary>
    public static ArticleLibrary Library(string? questions)
    {
        using var folder = WriteFolder(questions);
        return ArticleLibrary.Load(folder.Path);
    }
}
