using Microsoft.Extensions.Options;

namespace PolicyBot.Core.Commands;

/// <summary>How one platform's members type commands: the text before a catalog name (<c>!</c>, <c>/policy </c>).</summary>
/// <param name="Platform">The <see cref="Chat.ConversationRef.Platform"/> it applies to.</param>
public sealed record PlatformCommandSyntax(string Platform, string Prefix);

/// <summary>
/// Writes a command the way it works where the reply is read, so no hint tells a Slack member to type <c>!cancel 1</c>:
/// <c>!cancel 1</c> on the console and in Discord messages (or <c>Discord:Prefix</c>), <c>/policy cancel 1</c> on Slack.
/// Adapters register a <see cref="PlatformCommandSyntax"/>; a platform without one uses <c>Commands:Prefix</c>. Hints
/// name commands by their catalog declarations (<see cref="CommandDeclaration.Name"/>).
/// </summary>
public sealed class CommandSyntax(IOptions<CommandOptions> options, IEnumerable<PlatformCommandSyntax> platforms)
{
    private readonly Dictionary<string, string> _prefixes = platforms.ToDictionary(p => p.Platform, p => p.Prefix, StringComparer.OrdinalIgnoreCase);

    /// <summary>The console's and every unregistered platform's: <c>Commands:Prefix</c> alone.</summary>
    public static CommandSyntax Default(CommandOptions? options = null) => new(Options.Create(options ?? new CommandOptions()), []);

    public string PrefixFor(string platform) => _prefixes.TryGetValue(platform, out var prefix) ? prefix : options.Value.Prefix;

    /// <summary><c>!cancel 12</c> or <c>/policy cancel 12</c>.</summary>
    public string Of(string platform, string command, string? arguments = null) =>
        string.IsNullOrEmpty(arguments) ? PrefixFor(platform) + command : $"{PrefixFor(platform)}{command} {arguments}";
}
