namespace PolicyBot.Core.Knowledge;

/// <summary>An article or positions file is malformed; the message names the file and what to fix.</summary>
public sealed class ArticleFormatException(string message, Exception? inner = null) : Exception(message, inner);
