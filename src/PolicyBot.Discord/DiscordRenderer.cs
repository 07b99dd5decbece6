using System.Collections.Immutable;
using PolicyBot.Core.Chat;
using PolicyBot.Discord.Rest;

namespace PolicyBot.Discord;

/// <summary>A reply turned into Discord's message body plus the files to upload with it.</summary>
public sealed record RenderedMessage(MessagePayload Payload, ImmutableArray<Attachment> Files);

/// <summary>
/// Renders a <see cref="Reply"/> for Discord: short plain replies as content, titled or cited ones as an embed (kept
/// inside every embed limit), buttons as action rows, files as attachments, and always an explicit allowed_mentions.
/// </summary>
public static class DiscordRenderer
{
    public const int MaxContent = 2000;
    public const int MaxEmbedTitle = 256;
    public const int MaxEmbedDescription = 4096;
    public const int MaxEmbedFields = 25;
    public const int MaxFieldName = 256;
    public const int MaxFieldValue = 1024;
    public const int MaxFooter = 2048;
    public const int MaxEmbedTotal = 6000;
    public const int MaxButtonsPerRow = 5;
    public const int MaxRows = 5;
    public const int MaxButtonLabel = 80;
    public const int MaxCustomId = 100;
    public const int MaxAttachmentDescription = 1024;

    private const int ErrorColor = 0xD9534F;
    private const int InfoColor = 0x5865F2;

    /// <param name="ephemeralAllowed">True for interaction responses, where OnlyInvoker/errors become ephemeral.</param>
    /// <param name="forEdit">Edits send empty lists explicitly so old content, embeds and buttons disappear.</param>
    /// <param name="replyTo">For message commands: answer as a Discord reply to the user's message (without pinging them).</param>
    public static RenderedMessage Render(Reply reply, bool ephemeralAllowed = false, bool forEdit = false, string? replyTo = null)
    {
        reply = ControlCharacters.Strip(reply);
        var text = reply.Text.Trim();
        var needsEmbed = !string.IsNullOrWhiteSpace(reply.Title) || reply.Citations.Length > 0 || !string.IsNullOrWhiteSpace(reply.Footer)
                         || text.Length > MaxContent;
        var pingsEveryone = reply.Mentions == MentionPolicy.Everyone;
        var notify = reply.NotifyUserId is { } id && IsSnowflake(id) ? id : null;

        string? content = null;
        EmbedPayload? embed = null;
        if (!needsEmbed || pingsEveryone)
        {
            // Pings only work in content, so a reply allowed to ping everyone keeps its text there.
            content = TextLimits.Truncate(text, MaxContent);
        }

        if (notify is not null)
        {
            content = TextLimits.Truncate($"<@{notify}> {content}".TrimEnd(), MaxContent);
        }

        if (needsEmbed)
        {
            embed = BuildEmbed(reply, pingsEveryone ? null : text);
        }

        var files = reply.Attachments;
        if (content is { Length: 0 } && embed is null && files.IsEmpty)
        {
            content = reply.Actions.IsEmpty ? "(nothing to show)" : "\u200B";
        }

        var ephemeral = ephemeralAllowed && (reply.IsError || reply.Visibility == ReplyVisibility.OnlyInvoker);
        var payload = new MessagePayload
        {
            Content = content is { Length: > 0 } ? content : forEdit ? string.Empty : null,
            Embeds = embed is not null ? [embed] : forEdit ? [] : null,
            Components = BuildComponents(reply.Actions) ?? (forEdit ? [] : null),
            Attachments = files.IsEmpty
                ? (forEdit ? [] : null)
                : files.Select((f, i) => new AttachmentPayload(i, f.FileName, f.Description is null ? null : TextLimits.Truncate(f.Description, MaxAttachmentDescription))).ToArray(),
            AllowedMentions = pingsEveryone ? AllowedMentionsPayload.Everyone
                : notify is not null ? AllowedMentionsPayload.OnlyUser(notify)
                : AllowedMentionsPayload.None,
            Flags = ephemeral ? MessageFlags.Ephemeral : null,
            MessageReference = replyTo is null ? null : new MessageReferencePayload(replyTo),
        };
        return new RenderedMessage(payload, files);
    }

    private static EmbedPayload BuildEmbed(Reply reply, string? description)
    {
        var budget = MaxEmbedTotal;
        var title = string.IsNullOrWhiteSpace(reply.Title) ? null : TextLimits.Truncate(reply.Title.Trim(), MaxEmbedTitle);
        budget -= title?.Length ?? 0;
        var footer = string.IsNullOrWhiteSpace(reply.Footer) ? null : TextLimits.Truncate(reply.Footer.Trim(), Math.Min(MaxFooter, Math.Max(0, budget / 4)));
        budget -= footer?.Length ?? 0;

        // Description first (it is the answer), then citations while room is left.
        description = string.IsNullOrEmpty(description) ? null : TextLimits.Truncate(description, Math.Min(MaxEmbedDescription, budget));
        budget -= description?.Length ?? 0;

        var fields = new List<EmbedFieldPayload>();
        foreach (var citation in reply.Citations.Take(MaxEmbedFields))
        {
            var name = TextLimits.Truncate($"{citation.ArticleSlug} ¶{citation.Paragraph}", MaxFieldName);
            var quote = string.IsNullOrWhiteSpace(citation.Quote) ? "—" : $"> {citation.Quote.Trim().ReplaceLineEndings(" ")}";
            var room = Math.Min(MaxFieldValue, budget - name.Length);
            if (room < 20)
            {
                break;
            }

            var value = TextLimits.Truncate(quote, room);
            budget -= name.Length + value.Length;
            fields.Add(new EmbedFieldPayload(name, value));
        }

        return new EmbedPayload
        {
            Title = title,
            Description = description,
            Color = reply.IsError ? ErrorColor : InfoColor,
            Fields = fields.Count > 0 ? fields.ToArray() : null,
            Footer = footer is null ? null : new EmbedFooterPayload(footer),
        };
    }

    private static ComponentPayload[]? BuildComponents(ImmutableArray<ReplyAction> actions)
    {
        if (actions.IsDefaultOrEmpty)
        {
            return null;
        }

        var usable = actions
            .Where(a => a.Id.Length is > 0 and <= MaxCustomId)
            .DistinctBy(a => a.Id, StringComparer.Ordinal)
            .Take(MaxButtonsPerRow * MaxRows)
            .Select(a => new ComponentPayload(2)
            {
                Style = a.Style switch
                {
                    ActionStyle.Primary => 1,
                    ActionStyle.Success => 3,
                    ActionStyle.Danger => 4,
                    _ => 2,
                },
                Label = TextLimits.Truncate(string.IsNullOrWhiteSpace(a.Label) ? a.Id : a.Label, MaxButtonLabel),
                CustomId = a.Id,
            })
            .Chunk(MaxButtonsPerRow)
            .Select(row => new ComponentPayload(1) { Components = row })
            .ToArray();
        return usable.Length > 0 ? usable : null;
    }

    /// <summary>The total embed characters as Discord counts them (title, description, field names and values, footer).</summary>
    public static int EmbedLength(EmbedPayload embed) =>
        (embed.Title?.Length ?? 0) + (embed.Description?.Length ?? 0) + (embed.Footer?.Text.Length ?? 0)
        + (embed.Fields?.Sum(f => f.Name.Length + f.Value.Length) ?? 0);

    // Discord user ids are snowflakes: 17 to 20 digits.
    private static bool IsSnowflake(string id) => id.Length is >= 17 and <= 20 && id.All(char.IsAsciiDigit);
}
