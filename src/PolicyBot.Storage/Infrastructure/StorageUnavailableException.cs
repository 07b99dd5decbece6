namespace PolicyBot.Storage.Infrastructure;

/// <summary>The database cannot be opened or is not a PolicyBot database; the message names the location and what to do.</summary>
public sealed class StorageUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
