namespace PolicyBot.Core.Chat;

/// <summary>
/// Finds the adapter for a stored <see cref="ConversationRef"/>. Platforms only send (where a reply landed is told by the
/// inbound pipeline, not by them), so they depend on no feature and the registry can take them at construction.
/// </summary>
public sealed class ChatPlatformRegistry(IEnumerable<IChatPlatform> platforms)
{
    private readonly Dictionary<string, IChatPlatform> _byName = platforms
        .GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);

    public bool TryGet(string platform, out IChatPlatform chatPlatform) => _byName.TryGetValue(platform, out chatPlatform!);

    public IChatPlatform Get(ConversationRef conversation) =>
        TryGet(conversation.Platform, out var platform)
            ? platform
            : throw new InvalidOperationException($"No chat platform named '{conversation.Platform}' is running.");

    public IReadOnlyCollection<string> Names => _byName.Keys;
}
