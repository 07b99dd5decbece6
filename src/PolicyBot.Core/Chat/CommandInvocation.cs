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
    /// <summary>
    /// Arguments the platform sent typed (Discord slash-command options), by declared argument; handlers read them before
    /// parsing <see cref="Arguments"/>, which still holds them as text, in declared order, for commands that only read text.
    /// </summary>
    public Commands.CommandValues Values { get; init; } = Commands.CommandValues.None;

    /// <summary>The message the button sat on, for button invocations.</summary>
    public MessageRef? SourceMessage { get; init; }

    /// <summary>
    /// Set when the message was too long to read as a command (its length in characters): the router answers it with a
    /// polite refusal instead of running anything; <see cref="Name"/> and <see cref="Arguments"/> are empty.
    /// </summary>
    public int? UnreadLength { get; init; }

    /// <summary>A message that starts like a command but is too long to read.</summary>
    public static CommandInvocation TooLong(int length, Sender sender, ConversationRef conversation, string deliveryId) =>
        new(string.Empty, string.Empty, sender, conversation, deliveryId) { UnreadLength = length };

    /// <summary>
    /// The platform's id of the message this one replies to, when the platform says (a Discord reply). <c>ask</c> reads
    /// a question that replies to one of its answers as a follow-up of that answer.
    /// </summary>
    public string? RepliedToMessageId { get; init; }
}
