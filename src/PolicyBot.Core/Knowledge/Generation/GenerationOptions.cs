using System.ComponentModel.DataAnnotations;

namespace PolicyBot.Core.Knowledge.Generation;

/// <summary>
/// Configuration section <c>Knowledge:Generation</c>: an OpenAI-compatible chat endpoint (Ollama, vLLM, llama.cpp's
/// server, OpenAI, Azure OpenAI) that phrases answers in plain words. With no endpoint and model set nothing changes:
/// answers stay extractive. <see cref="ApiKey"/> is a secret: set it in the environment, never in a file; it is never logged.
/// </summary>
public sealed class GenerationOptions : IValidatableObject
{
    public const string SectionName = "Knowledge:Generation";

    /// <summary>The API's base address, e.g. <c>http://localhost:11434/v1</c> for Ollama.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The model name the endpoint serves, e.g. <c>llama3.2</c>.</summary>
    public string? Model { get; set; }

    /// <summary>Sent as a bearer token when set (<c>POLICYBOT_Knowledge__Generation__ApiKey</c>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long one answer may take; past it the extractive answer goes out at once.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:02:00", ErrorMessage = "Knowledge:Generation:Timeout must be between 00:00:00.100 and 00:02:00.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Requests to the model per member per day (UTC); past it their answers are extractive until the next day.</summary>
    [Range(0, 100_000, ErrorMessage = "Knowledge:Generation:MaxRequestsPerMemberPerDay must be between 0 and 100000.")]
    public int MaxRequestsPerMemberPerDay { get; set; } = 50;

    /// <summary>Requests to the model per day (UTC) in all.</summary>
    [Range(0, 10_000_000, ErrorMessage = "Knowledge:Generation:MaxRequestsPerDay must be between 0 and 10000000.")]
    public int MaxRequestsPerDay { get; set; } = 2000;

    /// <summary>Ask for a streamed completion (server-sent events) instead of one response body.</summary>
    public bool Stream { get; set; }

    /// <summary>The most paragraphs the model is shown: the ones retrieval chose, best first.</summary>
    [Range(1, 10, ErrorMessage = "Knowledge:Generation:MaxParagraphs must be between 1 and 10.")]
    public int MaxParagraphs { get; set; } = 5;

    /// <summary>The model's answer is cut at this many characters before quotes are added.</summary>
    [Range(50, 1500, ErrorMessage = "Knowledge:Generation:MaxAnswerLength must be between 50 and 1500 (characters).")]
    public int MaxAnswerLength { get; set; } = 600;

    /// <summary>True when an endpoint and a model are set: answers are phrased by the model.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(Model);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Endpoint) != string.IsNullOrWhiteSpace(Model))
        {
            yield return new ValidationResult($"Set both {SectionName}:Endpoint and {SectionName}:Model, or neither.", [nameof(Endpoint), nameof(Model)]);
        }

        if (!string.IsNullOrWhiteSpace(Endpoint)
            && (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult($"{SectionName}:Endpoint must be an http(s) address, e.g. http://localhost:11434/v1.", [nameof(Endpoint)]);
        }
    }
}
