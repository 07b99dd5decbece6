using PolicyBot.Core.Chat;

namespace PolicyBot.Core.Commands;

/// <summary>What happened to an invocation; adapters render <see cref="Reply"/>, metrics count <see cref="Kind"/>.</summary>
public sealed record CommandOutcome(CommandOutcomeKind Kind, Reply? Reply)
{
    public static readonly CommandOutcome Duplicate = new(CommandOutcomeKind.Duplicate, null);
}

public enum CommandOutcomeKind
{
    Handled,

    /// <summary>The delivery id was seen before: nothing ran, nothing is sent.</summary>
    Duplicate,
    Unknown,
    Refused,
    InvalidInput,
    Failed,
}
