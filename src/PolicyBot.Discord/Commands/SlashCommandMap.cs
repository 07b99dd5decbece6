using System.Collections.Immutable;
using System.Text;
using PolicyBot.Core.Commands;

namespace PolicyBot.Discord.Commands;

/// <summary>One catalog command as a Discord CHAT_INPUT command, with the option names mapped back to its arguments.</summary>
public sealed record SlashCommand(string DiscordName, CommandDeclaration Declaration, ImmutableArray<(string OptionName, CommandArgument Argument)> Options);

/// <summary>
/// The catalog projected onto Discord's slash-command rules (lower-case names of at most 32 letters, digits, '-', '_';
/// descriptions of 1-100 characters; required options first), and the way back from a Discord name to the command.
/// </summary>
public sealed class SlashCommandMap
{
    public const int MaxCommands = 100;
    public const int MaxNameLength = 32;
    public const int MaxDescriptionLength = 100;
    public const int MaxOptions = 25;

    private readonly Dictionary<string, SlashCommand> _byDiscordName = new(StringComparer.Ordinal);

    public SlashCommandMap(CommandCatalog catalog)
    {
        foreach (var declaration in catalog.Visible.Take(MaxCommands))
        {
            var name = Unique(SanitizeName(declaration.Name), _byDiscordName.ContainsKey);
            var optionNames = new HashSet<string>(StringComparer.Ordinal);
            var options = declaration.Arguments
                .Take(MaxOptions)
                .Select(argument => (Unique(SanitizeName(argument.Name), n => !optionNames.Add(n)), argument))
                .ToImmutableArray();
            _byDiscordName[name] = new SlashCommand(name, declaration, options);
        }
    }

    public IReadOnlyCollection<SlashCommand> Commands => _byDiscordName.Values;

    public bool TryGet(string discordName, out SlashCommand command) => _byDiscordName.TryGetValue(discordName, out command!);

    /// <summary>The JSON body for the bulk overwrite (<c>PUT …/commands</c>).</summary>
    public IReadOnlyList<object> BuildRegistration() => _byDiscordName.Values
        .OrderBy(c => c.DiscordName, StringComparer.Ordinal)
        .Select(c => (object)new
        {
            name = c.DiscordName,
            type = 1,
            description = Describe(c.Declaration.Summary, c.Declaration.Name),
            options = c.Options
                .OrderByDescending(o => o.Argument.Required) // Discord wants required options first; OrderBy is stable.
                .Select(o => new
                {
                    type = o.Argument.Kind == ArgumentKind.Integer ? 4 : 3,
                    name = o.OptionName,
                    description = Describe(o.Argument.Description, o.Argument.Name),
                    required = o.Argument.Required,
                })
                .ToArray(),
            contexts = new[] { 0, 1 },
            integration_types = new[] { 0 },
        })
        .ToArray();

    /// <summary>Lower-cases and replaces anything outside Discord's name alphabet with '-'; at most 32 characters.</summary>
    public static string SanitizeName(string name)
    {
        var builder = new StringBuilder(Math.Min(name.Length, MaxNameLength));
        foreach (var c in name.Trim().ToLowerInvariant())
        {
            if (builder.Length == MaxNameLength)
            {
                break;
            }

            builder.Append(char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        }

        var sanitized = builder.ToString().Trim('-');
        return sanitized.Length == 0 ? "command" : sanitized;
    }

    private static string Describe(string text, string fallback)
    {
        var trimmed = string.IsNullOrWhiteSpace(text) ? fallback : text.Trim().ReplaceLineEndings(" ");
        return TextLimits.Truncate(trimmed, MaxDescriptionLength);
    }

    private static string Unique(string name, Func<string, bool> taken)
    {
        if (!taken(name))
        {
            return name;
        }

        for (var i = 2; ; i++)
        {
            var suffix = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var candidate = name[..Math.Min(name.Length, MaxNameLength - suffix.Length)] + suffix;
            if (!taken(candidate))
            {
                return candidate;
            }
        }
    }
}
