namespace PolicyBot.Core.Knowledge.Generation;

/// <summary>Why the model's answer was not used; the extractive answer went out instead. Tag values of the fallback metric.</summary>
public enum GenerationFallback
{
    /// <summary>The model's answer was used.</summary>
    None,

    /// <summary>The model said the paragraphs do not cover the question.</summary>
    NotCovered,

    /// <summary>It cited a paragraph it was not given.</summary>
    BadCitation,

    /// <summary>It answered without citing a paragraph.</summary>
    NoCitation,

    /// <summary>Its answer quotes words that are not in the paragraphs it was given.</summary>
    InventedQuote,

    /// <summary>Its output was not the JSON shape asked for.</summary>
    Malformed,

    Timeout,

    /// <summary>The endpoint answered 429.</summary>
    RateLimited,

    /// <summary>Any other failure: refused connection, 5xx, an exception in the client.</summary>
    Error,

    /// <summary>The member's or the day's request cap was reached; the model was not asked.</summary>
    OverCap,
}

/// <summary>What happened when an answer was given to the model; <see cref="Skipped"/> when it was not (nothing to phrase).</summary>
public sealed record GenerationOutcome(bool Asked, GenerationFallback Fallback)
{
    public static readonly GenerationOutcome Skipped = new(false, GenerationFallback.None);

    public static readonly GenerationOutcome Written = new(true, GenerationFallback.None);

    public bool UsedModel => Asked && Fallback == GenerationFallback.None;

    /// <summary>The snake_case name used in logs, metrics and <c>ask-eval</c>.</summary>
    public static string Name(GenerationFallback reason) => reason switch
    {
        GenerationFallback.None => "none",
        GenerationFallback.NotCovered => "not_covered",
        GenerationFallback.BadCitation => "bad_citation",
        GenerationFallback.NoCitation => "no_citation",
        GenerationFallback.InventedQuote => "invented_quote",
        GenerationFallback.Malformed => "malformed",
        GenerationFallback.Timeout => "timeout",
        GenerationFallback.RateLimited => "rate_limited",
        GenerationFallback.Error => "error",
        GenerationFallback.OverCap => "over_cap",
        _ => reason.ToString(),
    };
}
