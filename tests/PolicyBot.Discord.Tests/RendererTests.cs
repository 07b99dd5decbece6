using PolicyBot.Core.Chat;
using PolicyBot.Discord.Rest;

namespace PolicyBot.Discord.Tests;

public sealed class RendererTests
{
    [Fact]
    public void Plain_reply_is_content_with_no_pings_allowed()
    {
        var message = DiscordRenderer.Render(new Reply("@here hello"));

        Assert.Equal("@here hello", message.Payload.Content);
        Assert.Null(message.Payload.Embeds);
        Assert.Empty(message.Payload.AllowedMentions.Parse);
    }

    [Fact]
    public void Control_characters_never_reach_discord()
    {
        var message = DiscordRenderer.Render(new Reply("bell\u0007 esc\u001B[2J nul\0") { Title = "t\u001Bitle", Footer = "f\u0007" });
        var json = System.Text.Json.JsonSerializer.Serialize(message.Payload);

        Assert.DoesNotContain("\\u0007", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u001B", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\\u0000", json, StringComparison.Ordinal);
        Assert.Equal("bell esc[2J nul", message.Payload.Embeds![0].Description);
    }

    [Fact]
    public void Only_a_reply_that_asks_may_ping_everyone_and_keeps_its_text_in_content()
    {
        var message = DiscordRenderer.Render(new Reply("@everyone the deadline is in one hour") { Title = "Deadline", Mentions = MentionPolicy.Everyone });

        Assert.Equal(["everyone"], message.Payload.AllowedMentions.Parse);
        Assert.Equal("@everyone the deadline is in one hour", message.Payload.Content);
        Assert.Equal("Deadline", message.Payload.Embeds![0].Title);
    }

    [Fact]
    public void A_post_for_one_member_pings_only_them_even_when_its_text_is_in_an_embed()
    {
        var message = DiscordRenderer.Render(new Reply("⏰ Reminder: @everyone stand up") { Footer = "Repeats daily", NotifyUserId = "123456789012345678" });

        Assert.Equal("<@123456789012345678>", message.Payload.Content);
        Assert.Empty(message.Payload.AllowedMentions.Parse);
        Assert.Equal(["123456789012345678"], message.Payload.AllowedMentions.Users!);
        Assert.Equal("⏰ Reminder: @everyone stand up", message.Payload.Embeds![0].Description);
    }

    [Theory]
    [InlineData("everyone")]
    [InlineData("<@&999999999999999999>")]
    [InlineData("12345")]
    public void A_malformed_member_id_pings_nobody(string id)
    {
        var message = DiscordRenderer.Render(new Reply("hello") { NotifyUserId = id });

        Assert.Equal("hello", message.Payload.Content);
        Assert.Equal(AllowedMentionsPayload.None, message.Payload.AllowedMentions);
    }

    [Fact]
    public void Huge_answer_with_many_citations_stays_inside_every_embed_limit()
    {
        var citations = Enumerable.Range(1, 40).Select(i => new Citation("north-korea-talks", i, new string('q', 2000))).ToArray();
        var reply = new Reply(new string('x', 10_000)) { Title = new string('t', 500), Footer = new string('f', 3000), Citations = [.. citations] };

        var embed = Assert.Single(DiscordRenderer.Render(reply).Payload.Embeds!);

        Assert.True(embed.Title!.Length <= DiscordRenderer.MaxEmbedTitle);
        Assert.True(embed.Description!.Length <= DiscordRenderer.MaxEmbedDescription);
        Assert.True(embed.Footer!.Text.Length <= DiscordRenderer.MaxFooter);
        Assert.True((embed.Fields?.Length ?? 0) <= DiscordRenderer.MaxEmbedFields);
        Assert.All(embed.Fields ?? [], f => Assert.True(f.Value.Length <= DiscordRenderer.MaxFieldValue && f.Name.Length <= DiscordRenderer.MaxFieldName));
        Assert.True(DiscordRenderer.EmbedLength(embed) <= DiscordRenderer.MaxEmbedTotal, $"embed is {DiscordRenderer.EmbedLength(embed)} characters");
        Assert.EndsWith("…", embed.Description);
    }

    [Theory]
    [InlineData("a😀b", 3, "a…")]
    [InlineData("ab😀", 3, "ab…")]
    [InlineData("short", 10, "short")]
    public void Truncation_never_splits_a_surrogate_pair(string text, int max, string expected)
    {
        var cut = TextLimits.Truncate(text, max);

        Assert.Equal(expected, cut);
        Assert.True(IsWellFormed(cut));
    }

    [Fact]
    public void Buttons_become_rows_of_at_most_five()
    {
        var actions = Enumerable.Range(1, 12).Select(i => new ReplyAction($"vote:1:{i}", $"Option {i}", i == 1 ? ActionStyle.Primary : ActionStyle.Secondary)).ToArray();

        var rows = DiscordRenderer.Render(new Reply("Pick") { Actions = [.. actions] }).Payload.Components!;

        Assert.Equal([5, 5, 2], rows.Select(r => r.Components!.Length).ToArray());
        Assert.All(rows, r => Assert.Equal(1, r.Type));
        Assert.Equal((2, 1, "vote:1:1"), (rows[0].Components![0].Type, rows[0].Components![0].Style!.Value, rows[0].Components![0].CustomId!));
    }

    [Fact]
    public void Private_and_error_replies_are_ephemeral_only_where_allowed()
    {
        Assert.Equal(MessageFlags.Ephemeral, DiscordRenderer.Render(Reply.Private("psst"), ephemeralAllowed: true).Payload.Flags);
        Assert.Equal(MessageFlags.Ephemeral, DiscordRenderer.Render(Reply.Error("bad"), ephemeralAllowed: true).Payload.Flags);
        Assert.Null(DiscordRenderer.Render(Reply.Error("bad")).Payload.Flags);
        Assert.Null(DiscordRenderer.Render(new Reply("public"), ephemeralAllowed: true).Payload.Flags);
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
