namespace PolicyBot.Core.Chat;

/// <summary>A verbatim quote from an article paragraph (1-based).</summary>
public sealed record Citation(string ArticleSlug, int Paragraph, string Quote);
