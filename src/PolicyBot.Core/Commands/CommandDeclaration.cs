using System.Collections.Immutable;

namespace PolicyBot.Core.Commands;

/// <summary>Who may run a command.</summary>
public enum CommandAccess
{
    Everyone,
    Admin,
}

/// <summary>The type of a slash-command option (Discord typed options; Slack and console just read text).</summary>
public enum ArgumentKind
{
    Text,
    Integer,
}

/// <summary>One argument of a command, in order. The last one may take the rest of the line.</summary>
public sealed record CommandArgument(string Name, string Description, ArgumentKind Kind = ArgumentKind.Text, bool Required = true);

/// <summary>A command declared once: help, Discord slash registration and Slack help are projections of this.</summary>
/// <param name="Name">Lower-case, 1-32 characters of [a-z0-9_-].</param>
/// <param name="Summary">One line, at most 100 characters (Discord's description limit).</param>
/// <param name="Usage">Arguments as a user types them, e.g. <c>&lt;question&gt;</c>.</param>
/// <param name="Examples">Full example argument strings, shown by <c>help &lt;command&gt;</c>.</param>
/// <param name="Hidden">Not listed by help: button-only commands such as answer feedback.</param>
public sealed record CommandDeclaration(
    string Name,
    string Summary,
    string Usage = "",
    CommandAccess Access = CommandAccess.Everyone,
    bool Hidden = false)
{
    public ImmutableArray<CommandArgument> Arguments { get; init; } = [];

    public ImmutableArray<string> Examples { get; init; } = [];

    public ImmutableArray<string> Aliases { get; init; } = [];

    /// <summary>
    /// The handler refuses a repeated delivery id itself, in the same transaction as its effect (a vote: the ballot and
    /// its delivery id commit together), and answers a repeat with <see cref="RepeatedDelivery.Reply"/>. The router then
    /// looks the id up (<see cref="IDeliveryLog.HasSeenAsync"/>) and records it itself only for a refusal, which has no
    /// effect to carry it.
    /// </summary>
    public bool DeduplicatesDeliveries { get; init; }
}
