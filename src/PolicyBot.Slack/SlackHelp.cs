using System.Text;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;

namespace PolicyBot.Slack;

/// <summary>
/// Help as Slack users type commands (<c>/policy ask …</c>), projected from the <see cref="CommandCatalog"/>. The core's
/// help speaks in the chat prefix (<c>!ask</c>), which means nothing in Slack.
/// </summary>
public sealed class SlackHelp(CommandCatalog catalog, IOptions<SlackOptions> options)
{
    private string Prefix => options.Value.CommandName + " ";

    public Reply For(string arguments)
    {
        var wanted = arguments.Trim().ToLowerInvariant();
        if (wanted.StartsWith(options.Value.CommandName, StringComparison.OrdinalIgnoreCase))
        {
            wanted = wanted[options.Value.CommandName.Length..].Trim();
        }

        if (wanted.Length == 0)
        {
            return Overview();
        }

        var definition = catalog.Find(wanted);
        if (definition is null || definition.Hidden)
        {
            var suggestions = catalog.Suggest(wanted);
            var hint = suggestions.Count > 0 ? $" Did you mean {string.Join(" or ", suggestions.Select(s => $"`{Prefix}{s}`"))}?" : string.Empty;
            var shown = wanted.Length > 32 ? wanted[..32] : wanted;
            return Reply.Error($"There is no command `{shown}`.{hint} Type `{Prefix}help` to see them all.");
        }

        return Reply.Private(HelpCommand.Describe(definition, Prefix)) with { Title = Prefix + definition.Name };
    }

    private Reply Overview()
    {
        var list = new StringBuilder();
        foreach (var command in catalog.Visible)
        {
            list.Append('`').Append(Prefix).Append(command.Name);
            if (command.Usage.Length > 0)
            {
                list.Append(' ').Append(command.Usage);
            }

            list.Append("` — ").Append(command.Summary);
            if (command.Access == CommandAccess.Admin)
            {
                list.Append(" _(admins)_");
            }

            list.AppendLine();
        }

        list.Append($"Type `{Prefix}help <command>` for details.");
        return Reply.Private(list.ToString()) with { Title = "PolicyBot commands" };
    }
}
