using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;

namespace PolicyBot.Core.Polls.Commands;

/// <summary>
/// <c>export &lt;poll&gt;</c>: a CSV for the poll's creator only. Anonymous polls export counts, never voters;
/// hidden polls export nothing until they close.
/// </summary>
public sealed class ExportPollCommand(PollService polls) : ICommandHandler
{
    public CommandDeclaration Definition { get; } = new("export", "Get a poll's results as CSV (only its creator).", "<poll>")
    {
        Arguments = [PollArguments.PollNumber],
        Examples = ["12"],
    };

    public async Task<Reply> HandleAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var found = await polls.FindPollAsync(invocation, cancellationToken).ConfigureAwait(false);
        if (!found.Succeeded)
        {
            return Reply.Error(found.Error);
        }

        var poll = found.Value;
        if (!string.Equals(poll.CreatorId, invocation.Sender.UserId, StringComparison.Ordinal))
        {
            return Reply.Error($"Only the person who started poll #{poll.Id} can export it.");
        }

        var now = polls.Now;
        if (!poll.ShowsCountsAt(now))
        {
            return Reply.Error($"Poll #{poll.Id} keeps its results hidden until it closes; export it then.");
        }

        var tally = await polls.TallyAsync(poll, cancellationToken).ConfigureAwait(false);
        var content = poll.Anonymous
            ? PollCsvExport.Counts(poll, tally)
            : PollCsvExport.Ballots(poll, await polls.ListBallotsAsync(poll, cancellationToken).ConfigureAwait(false));
        var what = poll.Anonymous ? "the counts per option (the poll is anonymous, so no voters are listed)" : "one row per voter and option";
        return Reply.Private($"Poll #{poll.Id}: {tally.Voters} voters. The CSV has {what}.") with
        {
            Attachments = [new Attachment($"poll-{poll.Id}.csv", PollCsvExport.ContentType, content, $"Export of poll #{poll.Id}")],
        };
    }
}
