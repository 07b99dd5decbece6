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
public sealed record LoopbackResponse(int Status, object? Body = null, IReadOnlyDictionary<string, string>? Headers = null);
