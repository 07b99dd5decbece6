using System.Globalization;
using System.Text;
using PolicyBot.Core.Chat;

namespace PolicyBot.Core.Polls;

/// <summary>Options with counts as text bars; readable in every client, including the console.</summary>
public static class TextBars
{
    public const int Width = 12;

    /// <summary>Shares are of voters, so in a multi-choice poll they may add up to more than 100%.</summary>
    public static string Render(Poll poll, PollTally tally, bool showCounts)
    {
        var text = new StringBuilder();
        for (var i = 0; i < poll.Options.Length; i++)
        {
            text.Append("**").Append(i + 1).Append(".** ").AppendLine(MentionGuard.Defuse(poll.Options[i]));
            if (showCounts)
            {
                var count = tally.Counts[i];
                var share = tally.Voters == 0 ? 0 : (double)count / tally.Voters;
                var filled = (int)Math.Round(share * Width, MidpointRounding.AwayFromZero);
                text.Append('`').Append(new string('█', filled)).Append(new string('░', Width - filled)).Append("` ")
                    .Append(count.ToString(CultureInfo.InvariantCulture))
                    .Append(" (").Append((share * 100).ToString("0", CultureInfo.InvariantCulture)).AppendLine("%)");
            }
        }

        return text.ToString();
    }
}
