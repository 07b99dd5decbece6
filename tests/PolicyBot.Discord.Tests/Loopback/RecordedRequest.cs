using System.Text.Json;

namespace PolicyBot.Discord.Tests.Loopback;

/// <summary>One REST request the loopback Discord received, with its JSON body (or multipart payload_json) parsed.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    JsonElement Json,
    IReadOnlyList<RecordedFile> Files,
    DateTimeOffset ReceivedAt)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : string.Empty;

    public override string ToString() => $"{Method} {Path}{Query}";
}

public sealed record RecordedFile(string FieldName, string FileName, string ContentType, byte[] Content);

/// <summary>What the loopback answers; null body means no content.</summary>
public sealed record LoopbackResponse(int Status, object? Body = null, IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>Drops the connection instead of answering, as a network failure after the work was done would.</summary>
    public static readonly LoopbackResponse Dropped = new(0);
}

/// <summary>A message the loopback created (a nonce-enforced repeat within the window returns the first one and creates none).</summary>
public sealed record CreatedMessage(string ChannelId, string Id, string? Nonce, JsonElement Json, string AuthorId, DateTimeOffset CreatedAt);
