using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;

namespace PolicyBot.Core.Polls.Commands;

/// <summary>What the poll commands share: the poll-number argument and finding the poll it names.</summary>
internal static class PollArguments
{
    /// <summary>The first argument of <c>vote</c>, <c>unvote</c>, <c>results</c>, <c>close</c> and <c>export</c>.</summary>
    public static readonly CommandArgument PollNumber = new("poll", "The poll number, e.g. 12", ArgumentKind.Integer);

    /// <summary>Splits "<c>12 rest of the text</c>" into the poll number and the rest.</summary>
    public static (string Poll, string Remainder) SplitFirst(string arguments)
    {
        var trimmed = arguments.Trim();
        var space = trimmed.IndexOfAny([' ', '\t', '\n']);
        return space < 0 ? (trimmed, string.Empty) : (trimmed[..space], trimmed[(space + 1)..].Trim());
    }

    /// <summary>
    /// The poll the invocation names: the typed number when the platform sent one (a Discord option), else the first word
    /// of the text (<c>12</c> or <c>#12</c>).
    /// </summary>
    public static Task<Parsed<Poll>> FindPollAsync(this PollService polls, CommandInvocation invocation, PollRead read, CancellationToken cancellationToken) =>
        invocation.Values.TryGetInteger(PollNumber, out var pollId)
            ? polls.FindAsync(pollId, invocation.Conversation, read, cancellationToken)
            : polls.FindAsync(SplitFirst(invocation.Arguments).Poll, invocation.Conversation, read, cancellationToken);

    /// <summary>What follows the poll number: the typed <paramref name="argument"/> when the platform sent it, else the rest of the text.</summary>
    public static string Remainder(CommandInvocation invocation, CommandArgument argument) =>
        invocation.Values.TryGetText(argument, out var typed) ? typed : SplitFirst(invocation.Arguments).Remainder;
}
