using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace PolicyBot.Discord;

/// <summary>
/// Decides <c>Sender.IsAdmin</c>: Manage Server (or Administrator) permission, the guild owner, or a configured admin role.
/// Direct messages have no admins.
/// </summary>
public sealed class DiscordAdminPolicy(IOptions<DiscordOptions> options, GuildCache guilds)
{
    public const ulong Administrator = 1UL << 3;
    public const ulong ManageGuild = 1UL << 5;

    private readonly HashSet<string> _adminRoles = new(options.Value.AdminRoleIds, StringComparer.Ordinal);

    /// <summary>For interactions: <c>member.permissions</c> is already computed by Discord for the channel.</summary>
    public bool IsAdminFromInteraction(JsonElement member) =>
        member.Exists() && (HasAdminBits(member.GetString("permissions")) || HasAdminRole(member));

    /// <summary>For message commands: configured roles, the owner, and role permissions from the guild cache.</summary>
    public bool IsAdminFromMessage(string? guildId, string userId, JsonElement member)
    {
        if (guildId is null || !member.Exists())
        {
            return false;
        }

        if (HasAdminRole(member) || HasAdminBits(member.GetString("permissions")))
        {
            return true;
        }

        if (!guilds.TryGet(guildId, out var guild))
        {
            return false;
        }

        if (guild.OwnerId == userId)
        {
            return true;
        }

        // The @everyone role has the guild's id; every member has it.
        var permissions = guild.RolePermissions.GetValueOrDefault(guildId);
        foreach (var role in member.GetArray("roles"))
        {
            if (role.GetString() is { } roleId)
            {
                permissions |= guild.RolePermissions.GetValueOrDefault(roleId);
            }
        }

        return (permissions & (Administrator | ManageGuild)) != 0;
    }

    private bool HasAdminRole(JsonElement member) =>
        _adminRoles.Count > 0 && member.GetArray("roles").Any(r => r.GetString() is { } id && _adminRoles.Contains(id));

    private static bool HasAdminBits(string? permissions) =>
        ulong.TryParse(permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var bits) && (bits & (Administrator | ManageGuild)) != 0;
}
