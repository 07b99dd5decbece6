using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;

namespace PolicyBot.Core.Polls.Commands;

/// <summary>
/// <c>export &lt;poll&gt;</c>: a CSV for the poll's creator only. Anonymous polls export counts, never voters;
/// hidden polls export nothing until they close.
/// </summary>
public sealed class ExportPollCommand(PollService polls) : SinglePollCommand(polls, "export", "Get a poll's results as CSV (only its creator).")
{
    protected override async Task<Reply> HandleAsync(Poll poll, CommandInvocation invocation, CancellationToken cancellationToken)
    {
        if (!string.Equals(poll.CreatorId, invocation.Sender.UserId, StringComparison.Ordinal))
        {
            return Reply.Error($"Only the person who started poll #{poll.Id} can export it.");
        }

        var now = Polls.Now;
        if (!poll.ShowsCountsAt(now))
        {
            return Reply.Error($"Poll #{poll.Id} keeps its results hidden until it closes; export it then.");
        }

        var tally = await Polls.TallyAsync(poll, cancellationToken).ConfigureAwait(false);
        var content = poll.Anonymous
            ? PollCsvExport.Counts(poll, tally)
            : PollCsvExport.Ballots(poll, await Polls.ListBallotsAsync(poll, cancellationToken).ConfigureAwait(false));
        var what = poll.Anonymous ? "the counts per option (the poll is anonymous, so no voters are listed)" : "one row per voter and option";
        return Reply.Private($"Poll #{poll.Id}: {tally.Voters} voters. The CSV has {what}.") with
        {
            Attachments = [new Attachment($"poll-{poll.Id}.csv", PollCsvExport.ContentType, content, $"Export of poll #{poll.Id}")],
        };
    }
}
