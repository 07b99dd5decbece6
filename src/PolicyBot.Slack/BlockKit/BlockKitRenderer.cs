using System.Text;
using System.Text.RegularExpressions;
using PolicyBot.Core.Chat;

namespace PolicyBot.Slack.BlockKit;

/// <summary>
/// Renders a <see cref="Reply"/> as Block Kit within Slack's limits: ≤50 blocks, section text ≤3000, header ≤150,
/// ≤25 buttons per actions block, button labels ≤75. Every piece of reply text is escaped; only
/// <see cref="MentionPolicy.Everyone"/> adds <c>&lt;!channel&gt;</c>, and <see cref="Reply.NotifyUserId"/> that one member's ping.
/// </summary>
public static partial class BlockKitRenderer
{
    public const int MaxBlocks = 50;
    public const int MaxSectionText = 3000;
    public const int MaxHeaderText = 150;
    public const int MaxButtonsPerBlock = 25;
    public const int MaxButtonLabel = 75;
    public const int MaxActionId = 255;
    public const int MaxFallbackText = 3000;
    private const int MaxCitations = 10;
    private const string ChannelPing = "<!channel>";
    private const string Ellipsis = "…";

    public static SlackMessage Render(Reply reply)
    {
        reply = ControlCharacters.Strip(reply);
        var head = new List<Block>();
        var title = reply.Title?.Trim();
        if (!string.IsNullOrEmpty(title))
        {
            var plain = Mrkdwn.Escape(title);
            head.Add(plain.Length <= MaxHeaderText
                ? new HeaderBlock(plain)
                : new SectionBlock(Truncate("*" + Mrkdwn.FromLightMarkdown(title) + "*", MaxSectionText)));
        }

        var tail = new List<Block>();
        foreach (var citation in reply.Citations.Take(MaxCitations))
        {
            var quote = Mrkdwn.Escape(citation.Quote.Trim());
            var source = $" — {Mrkdwn.Escape(citation.ArticleSlug)} ¶{citation.Paragraph}";
            tail.Add(new ContextBlock([Truncate($"“{quote}”", MaxSectionText - source.Length) + source]));
        }

        foreach (var chunk in reply.Actions.Chunk(MaxButtonsPerBlock))
        {
            tail.Add(new ActionsBlock(chunk.Select(ToButton).ToArray()));
        }

        if (!string.IsNullOrWhiteSpace(reply.Footer))
        {
            tail.Add(new ContextBlock([Truncate(Mrkdwn.FromLightMarkdown(reply.Footer.Trim()), MaxSectionText)]));
        }

        // Text gets whatever room the fixed parts leave; a reply too long for that is cut with a visible ellipsis.
        var room = Math.Max(1, MaxBlocks - head.Count - tail.Count);
        var body = BodyText(reply);
        var sections = SplitSections(body).ToList();
        if (sections.Count > room)
        {
            sections = sections.Take(room).ToList();
            sections[^1] = Truncate(sections[^1], MaxSectionText - Ellipsis.Length) + Ellipsis;
        }

        var blocks = new List<Block>(head.Count + sections.Count + tail.Count);
        blocks.AddRange(head);
        blocks.AddRange(sections.Select(s => new SectionBlock(s)));
        blocks.AddRange(tail);
        if (blocks.Count > MaxBlocks)
        {
            blocks.RemoveRange(MaxBlocks, blocks.Count - MaxBlocks);
        }

        return new SlackMessage(FallbackText(reply, title), blocks, reply.Visibility == ReplyVisibility.OnlyInvoker);
    }

    private static string BodyText(Reply reply)
    {
        var text = Mrkdwn.FromLightMarkdown(reply.Text.TrimEnd());
        if (reply.IsError && text.Length > 0)
        {
            text = ":warning: " + text;
        }

        return Pings(reply) + text;
    }

    // "<!channel> " when an admin's post may ping everyone, "<@U123> " for the one member a post is for.
    private static string Pings(Reply reply) =>
        (reply.Mentions == MentionPolicy.Everyone ? ChannelPing + " " : string.Empty)
        + (reply.NotifyUserId is { } id && SlackUserId().IsMatch(id) ? $"<@{id}> " : string.Empty);

    private static ButtonElement ToButton(ReplyAction action)
    {
        var label = action.Label.Trim();
        label = label.Length == 0 ? "…" : Truncate(Mrkdwn.Escape(label), MaxButtonLabel);
        var style = action.Style switch
        {
            ActionStyle.Primary or ActionStyle.Success => "primary",
            ActionStyle.Danger => "danger",
            _ => null,
        };
        return new ButtonElement(Truncate(action.Id, MaxActionId, ellipsis: false), label, style);
    }

    private static string FallbackText(Reply reply, string? title)
    {
        var text = new StringBuilder(Pings(reply));

        if (!string.IsNullOrEmpty(title))
        {
            text.Append('*').Append(Mrkdwn.FromLightMarkdown(title)).Append("*\n");
        }

        text.Append(Mrkdwn.FromLightMarkdown(reply.Text.Trim()));
        var fallback = text.ToString().Trim();
        return fallback.Length == 0 ? "PolicyBot" : Truncate(fallback, MaxFallbackText);
    }

    /// <summary>Splits at line breaks where possible so no section exceeds Slack's 3000 characters.</summary>
    internal static IEnumerable<string> SplitSections(string text)
    {
        var rest = text.AsMemory();
        while (rest.Length > 0)
        {
            if (rest.Length <= MaxSectionText)
            {
                if (!rest.Span.IsWhiteSpace())
                {
                    yield return rest.ToString();
                }

                yield break;
            }

            var window = rest.Span[..MaxSectionText];
            var cut = window.LastIndexOf('\n');
            if (cut < MaxSectionText / 2)
            {
                cut = window.LastIndexOf(' ');
            }

            if (cut < MaxSectionText / 2)
            {
                cut = MaxSectionText;
            }

            // Never cut inside an escape sequence such as "&amp;": back up to before its '&'.
            var amp = window[..cut].LastIndexOf('&');
            if (amp >= 0 && amp > cut - 5 && window[amp..cut].IndexOf(';') < 0)
            {
                cut = amp;
            }

            if (char.IsHighSurrogate(window[cut - 1]))
            {
                cut--;
            }

            var piece = rest[..cut].ToString().TrimEnd();
            if (piece.Length > 0)
            {
                yield return piece;
            }

            rest = rest[cut..].TrimStart();
        }
    }

    internal static string Truncate(string text, int max, bool ellipsis = true)
    {
        if (text.Length <= max)
        {
            return text;
        }

        if (!ellipsis)
        {
            return text[..(char.IsHighSurrogate(text[max - 1]) ? max - 1 : max)];
        }

        var cut = max - Ellipsis.Length;
        var amp = text.LastIndexOf('&', cut - 1, Math.Min(cut, 5));
        if (amp >= 0 && text.IndexOf(';', amp, cut - amp) < 0)
        {
            cut = amp;
        }

        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut] + Ellipsis;
    }

    // Slack user ids: "U" or "W" and upper-case letters and digits.
    [GeneratedRegex(@"^[UW][A-Z0-9]{2,20}\z")]
    private static partial Regex SlackUserId();
}
