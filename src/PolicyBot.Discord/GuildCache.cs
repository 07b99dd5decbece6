using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace PolicyBot.Discord;

/// <summary>
/// The guild facts a message command needs for admin checks (owner, role permissions), kept from GUILD_CREATE and
/// role events. Interactions carry computed permissions and do not need it.
/// </summary>
public sealed class GuildCache
{
    private readonly ConcurrentDictionary<string, GuildFacts> _guilds = new(StringComparer.Ordinal);

    public sealed class GuildFacts
    {
        public string? OwnerId { get; set; }

        public ConcurrentDictionary<string, ulong> RolePermissions { get; } = new(StringComparer.Ordinal);
    }

    public bool TryGet(string guildId, out GuildFacts facts) => _guilds.TryGetValue(guildId, out facts!);

    public void Apply(string eventName, JsonElement data)
    {
        switch (eventName)
        {
            case "GUILD_CREATE" or "GUILD_UPDATE":
                if (data.GetString("id") is not { } guildId || data.GetBool("unavailable"))
                {
                    return;
                }

                var facts = _guilds.GetOrAdd(guildId, _ => new GuildFacts());
                facts.OwnerId = data.GetString("owner_id") ?? facts.OwnerId;
                if (data.TryGetProperty("roles", out var roles) && roles.ValueKind == JsonValueKind.Array)
                {
                    facts.RolePermissions.Clear();
                    foreach (var role in roles.EnumerateArray())
                    {
                        SetRole(facts, role);
                    }
                }

                break;
            case "GUILD_DELETE":
                if (data.GetString("id") is { } deleted && !data.GetBool("unavailable"))
                {
                    _guilds.TryRemove(deleted, out _);
                }

                break;
            case "GUILD_ROLE_CREATE" or "GUILD_ROLE_UPDATE":
                if (data.GetString("guild_id") is { } roleGuild)
                {
                    SetRole(_guilds.GetOrAdd(roleGuild, _ => new GuildFacts()), data.GetObject("role"));
                }

                break;
            case "GUILD_ROLE_DELETE":
                if (data.GetString("guild_id") is { } g && data.GetString("role_id") is { } roleId && _guilds.TryGetValue(g, out var known))
                {
                    known.RolePermissions.TryRemove(roleId, out _);
                }

                break;
        }
    }

    private static void SetRole(GuildFacts facts, JsonElement role)
    {
        if (role.GetString("id") is { } id && ulong.TryParse(role.GetString("permissions"), NumberStyles.None, CultureInfo.InvariantCulture, out var permissions))
        {
            facts.RolePermissions[id] = permissions;
        }
    }
}
