using System.Text;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Chat;

namespace PolicyBot.Core.Commands;

/// <summary>
/// <c>help</c> lists the catalog; <c>help &lt;command&gt;</c> shows one command's usage. One command for every platform:
/// commands are written as members type them where the help is read (<see cref="CommandSyntax"/>: <c>!ask</c> in chat,
/// <c>/policy ask</c> on Slack), and help is for the asker alone where the platform can show it privately.
/// </summary>
public sealed class HelpCommand(IServiceProvider services, IOptions<CommandOptions> options, CommandSyntax? syntax = null) : ICommandHandler
{
    public CommandDeclaration Definition { get; } = new("help", "List the commands, or show how to use one.", "[command]")
    {
        Arguments = [new CommandArgument("command", "The command to explain", Required: false)],
        Examples = ["", "poll"],
    };

    // Resolved lazily: the catalog is built from every handler, this one included.
    private CommandCatalog Catalog => (CommandCatalog)services.GetService(typeof(CommandCatalog))!;

    public Task<Reply> HandleAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var prefix = (syntax ?? new CommandSyntax(options, [])).PrefixFor(invocation.Conversation.Platform);
        var wanted = WithoutPrefix(invocation.Arguments.Trim(), prefix.Trim()).TrimStart(options.Value.Prefix.ToCharArray()).ToLowerInvariant();
        if (wanted.Length == 0)
        {
            var list = new StringBuilder();
            foreach (var command in Catalog.Visible)
            {
                var admin = command.Access == CommandAccess.Admin ? " _(admins)_" : string.Empty;
                list.Append('`').Append(prefix).Append(command.Name);
                if (command.Usage.Length > 0)
                {
                    list.Append(' ').Append(command.Usage);
                }

                list.Append("` — ").Append(command.Summary).Append(admin).AppendLine();
            }

            list.Append($"Type `{prefix}help <command>` for details.");
            return Task.FromResult(Reply.Private(list.ToString()) with { Title = "PolicyBot commands" });
        }

        var definition = Catalog.Find(wanted);
        if (definition is null || definition.Hidden)
        {
            var suggestions = Catalog.Suggest(wanted);
            var hint = suggestions.Count > 0 ? $" Did you mean {string.Join(" or ", suggestions.Select(s => $"`{s}`"))}?" : string.Empty;
            return Task.FromResult(Reply.Error(
                $"There is no command `{MentionGuard.Defuse(wanted.Length > 32 ? wanted[..32] : wanted)}`.{hint} Type `{prefix}help` to see them all."));
        }

        return Task.FromResult(Reply.Private(Describe(definition, prefix)) with { Title = $"{prefix}{definition.Name}" });
    }

    /// <summary><c>help /policy ask</c> on Slack asks about <c>ask</c>.</summary>
    private static string WithoutPrefix(string wanted, string prefix) =>
        prefix.Length > 0 && wanted.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? wanted[prefix.Length..].Trim() : wanted;

    private static string Describe(CommandDeclaration definition, string prefix)
    {
        var text = new StringBuilder();
        text.AppendLine(definition.Summary);
        text.Append("Usage: `").Append(prefix).Append(definition.Name);
        if (definition.Usage.Length > 0)
        {
            text.Append(' ').Append(definition.Usage);
        }

        text.AppendLine("`");
        foreach (var argument in definition.Arguments)
        {
            text.Append("  • ").Append(argument.Name).Append(argument.Required ? string.Empty : " (optional)")
                .Append(": ").AppendLine(argument.Description);
        }

        foreach (var example in definition.Examples.Where(e => e.Length > 0))
        {
            text.Append("Example: `").Append(prefix).Append(definition.Name).Append(' ').Append(example).AppendLine("`");
        }

        if (definition.Aliases.Length > 0)
        {
            text.Append("Also: ").AppendJoin(", ", definition.Aliases.Select(a => prefix + a)).AppendLine();
        }

        if (definition.Access == CommandAccess.Admin)
        {
            text.AppendLine("Only admins can run it.");
        }

        return text.ToString().TrimEnd();
    }
}
