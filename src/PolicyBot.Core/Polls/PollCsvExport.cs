using System.Globalization;
using System.Text;

namespace PolicyBot.Core.Polls;

/// <summary>
/// CSV exports. An anonymous poll exports counts only: its ballots are never read for an export, so no voter id can leak.
/// Cells that a spreadsheet would run as a formula are prefixed with an apostrophe.
/// </summary>
public static class PollCsvExport
{
    public const string ContentType = "text/csv";

    public static byte[] Counts(Poll poll, PollTally tally)
    {
        var csv = new StringBuilder("option,label,count\r\n");
        for (var i = 0; i < poll.Options.Length; i++)
        {
            AppendRow(csv, (i + 1).ToString(CultureInfo.InvariantCulture), poll.Options[i], tally.Counts[i].ToString(CultureInfo.InvariantCulture));
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    public static byte[] Ballots(Poll poll, IEnumerable<BallotRecord> ballots)
    {
        if (poll.Anonymous)
        {
            throw new InvalidOperationException($"Poll {poll.Id} is anonymous; export its counts only.");
        }

        var csv = new StringBuilder("user_id,option,label,cast_at_utc\r\n");
        foreach (var ballot in ballots)
        {
            foreach (var option in ballot.Options)
            {
                AppendRow(csv, ballot.UserId, option.ToString(CultureInfo.InvariantCulture), poll.Options[option - 1],
                    ballot.CastAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            }
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static void AppendRow(StringBuilder csv, params string[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            csv.Append(Escape(cells[i]));
        }

        csv.Append("\r\n");
    }

    private static string Escape(string cell)
    {
        if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            cell = "'" + cell;
        }

        return cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }
}
