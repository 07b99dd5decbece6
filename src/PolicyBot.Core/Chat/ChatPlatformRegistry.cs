using Microsoft.Extensions.DependencyInjection;

namespace PolicyBot.Core.Chat;

/// <summary>Finds the adapter for a stored <see cref="ConversationRef"/>.</summary>
public sealed class ChatPlatformRegistry
{
    private readonly Lazy<Dictionary<string, IChatPlatform>> _byName;

    public ChatPlatformRegistry(IEnumerable<IChatPlatform> platforms) =>
        _byName = new Lazy<Dictionary<string, IChatPlatform>>(() =>
            platforms.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
                     .ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// The registry as the container builds it: the platforms are resolved on first use, not at construction.
    /// Platforms depend (through <see cref="PostedMessageTracker"/> and the poll card sink) on features that send
    /// through this registry; resolving them eagerly would make that a dependency cycle, which the container cannot
    /// see through factory registrations and which hangs start-up.
    /// </summary>
    public static ChatPlatformRegistry Deferred(IServiceProvider services) => new(ResolveWhenEnumerated(services));

    public bool TryGet(string platform, out IChatPlatform chatPlatform) => _byName.Value.TryGetValue(platform, out chatPlatform!);

    public IChatPlatform Get(ConversationRef conversation) =>
        TryGet(conversation.Platform, out var platform)
            ? platform
            : throw new InvalidOperationException($"No chat platform named '{conversation.Platform}' is running.");

    public IReadOnlyCollection<string> Names => _byName.Value.Keys;

    private static IEnumerable<IChatPlatform> ResolveWhenEnumerated(IServiceProvider services)
    {
        foreach (var platform in services.GetServices<IChatPlatform>())
        {
            yield return platform;
        }
    }
}
