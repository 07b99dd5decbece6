namespace PolicyBot.Core.Chat;

/// <summary>A file sent with a reply, e.g. a PNG chart or a CSV export.</summary>
public sealed record Attachment(string FileName, string ContentType, ReadOnlyMemory<byte> Content, string? Description = null);
