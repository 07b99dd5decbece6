namespace PolicyBot.Core.Knowledge;

/// <summary>
/// The articles folder: each <c>&lt;slug&gt;.md</c>, with its optional data files <c>&lt;slug&gt;.positions.yaml</c>
/// (curated positions) and <c>&lt;slug&gt;.questions.jsonl</c> (labelled questions). Adding an article is adding files.
/// </summary>
public static class ArticleFolder
{
    public const string ArticleSuffix = ".md";

    public const string PositionsSuffix = ".positions.yaml";

    public const string LabelledQuestionsSuffix = ".questions.jsonl";

    /// <summary>The slugs of the articles in <paramref name="folder"/>.</summary>
    public static IEnumerable<string> Slugs(string folder) =>
        Directory.EnumerateFiles(folder, "*" + ArticleSuffix).Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal);

    /// <summary>The files that make up article <paramref name="slug"/> (those that exist).</summary>
    public static IEnumerable<string> FilesOf(string folder, string slug) =>
        new[] { ArticleSuffix, PositionsSuffix, LabelledQuestionsSuffix }.Select(s => Path.Combine(folder, slug + s)).Where(File.Exists);

    /// <summary>Reads one article with its data files; a malformed file throws an <see cref="ArticleFormatException"/> naming it and the line.</summary>
    public static Article Read(string folder, string slug)
    {
        var path = Path.Combine(folder, slug + ArticleSuffix);
        var positionsPath = Path.Combine(folder, slug + PositionsSuffix);
        var article = ArticleParser.Parse(
            slug,
            File.ReadAllText(path),
            File.Exists(positionsPath) ? File.ReadAllText(positionsPath) : null,
            Path.GetFileName(path),
            Path.GetFileName(positionsPath));
        var questionsPath = Path.Combine(folder, slug + LabelledQuestionsSuffix);
        return File.Exists(questionsPath)
            ? article with { LabelledQuestions = LabelledQuestionsParser.Parse(File.ReadAllText(questionsPath), slug, article.ParagraphCount, Path.GetFileName(questionsPath)) }
            : article;
    }

    /// <summary>Every article of the folder that reads, and the error of each that does not.</summary>
    public static (IReadOnlyList<Article> Articles, IReadOnlyList<ArticleFormatException> Errors) ReadAll(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new ArticleFormatException($"The articles folder '{folder}' does not exist (Knowledge:ArticlesPath).");
        }

        var articles = new List<Article>();
        var errors = new List<ArticleFormatException>();
        foreach (var slug in Slugs(folder))
        {
            try
            {
                articles.Add(Read(folder, slug));
            }
            catch (ArticleFormatException ex)
            {
                errors.Add(ex);
            }
        }

        return (articles, errors);
    }
}
