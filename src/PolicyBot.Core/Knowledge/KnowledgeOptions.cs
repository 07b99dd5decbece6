using System.ComponentModel.DataAnnotations;

namespace PolicyBot.Core.Knowledge;

/// <summary>Configuration section <c>Knowledge</c>.</summary>
public sealed class KnowledgeOptions
{
    public const string SectionName = "Knowledge";

    /// <summary>Folder of <c>&lt;slug&gt;.md</c> and their optional data files; relative paths resolve against the app's folder.</summary>
    [Required(ErrorMessage = "Knowledge:ArticlesPath is required: the folder of the articles (<slug>.md), such as config/articles.")]
    public string ArticlesPath { get; set; } = "config/articles";

    /// <summary>The article used when a command names none; empty: the only article, or (for ask) all of them.</summary>
    public string? DefaultArticle { get; set; }

    /// <summary>Where corpus embeddings are cached between runs; empty disables the cache.</summary>
    public string? EmbeddingCachePath { get; set; } = Path.Combine(Path.GetTempPath(), "policybot", "embeddings");

    /// <summary>How often the articles folder is looked at for added, edited or removed articles; zero: never after start-up.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00",
        ErrorMessage = "Knowledge:ReloadInterval must be between 00:00:00 (never after start-up) and 01:00:00.")]
    public TimeSpan ReloadInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>ONNX Runtime threads per inference; 1 keeps latency steady when questions arrive concurrently.</summary>
    [Range(1, 64, ErrorMessage = "Knowledge:InferenceThreads must be between 1 and 64.")]
    public int InferenceThreads { get; set; } = 1;

    /// <summary>Longest question accepted by <c>ask</c>, in characters.</summary>
    [Range(50, 4000, ErrorMessage = "Knowledge:MaxQuestionLength must be between 50 and 4000 (characters).")]
    public int MaxQuestionLength { get; set; } = 1000;

    public string ResolveArticlesPath() =>
        Path.IsPathRooted(ArticlesPath) ? ArticlesPath : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, ArticlesPath));
}
