namespace PolicyBot.Core.Chat;

/// <summary>How a command reached us; adapters acknowledge buttons differently from typed commands.</summary>
public enum InvocationSource
{
    Message,
    SlashCommand,
    Button,
}

/// <summary>
/// One command, whatever the platform: a typed <c>!vote 3 2</c>, a slash command and a button click
/// all become the same invocation, so one handler and one set of tests cover them.
/// </summary>
/// <param name="Name">Lower-case command name without prefix.</param>
/// <param name="Arguments">Everything after the name, trimmed.</param>
/// <param name="DeliveryId">The platform's id for this delivery; a retried delivery carries the same id and is handled once.</param>
public sealed record CommandInvocation(
    string Name,
    string Arguments,
    Sender Sender,
    ConversationRef Conversation,
    string DeliveryId,
    InvocationSource Source = InvocationSource.Message)
{
    /// <summary>The message the button sat on, for button invocations.</summary>
    public MessageRef? SourceMessage { get; init; }
}
