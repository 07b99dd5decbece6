using System.Text.Json;
using PolicyBot.Core.Chat;
using PolicyBot.Slack.BlockKit;

namespace PolicyBot.Slack.Tests.BlockKit;

public sealed class BlockKitRendererTests
{
    [Theory]
    [InlineData("<!channel> hi", "&lt;!channel&gt; hi")]
    [InlineData("<!here|here> & <!everyone>", "&lt;!here|here&gt; &amp; &lt;!everyone&gt;")]
    [InlineData("<@U123> <#C1|x> <https://evil|click>", "&lt;@U123&gt; &lt;#C1|x&gt; &lt;https://evil|click&gt;")]
    [InlineData("&lt; already", "&amp;lt; already")]
    public void User_text_is_escaped_so_it_never_pings(string text, string expected)
    {
        var json = Json(new Reply(text) { Title = text, Footer = text, Citations = [new Citation("a", 1, text)], Actions = [new ReplyAction("vote:1:1", text)] });
        Assert.DoesNotContain("<!", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<@", json, StringComparison.Ordinal);
        Assert.Contains(expected, json, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_never_reach_slack()
    {
        var json = Json(new Reply("bell\u0007 esc\u001B[2J nul\0") { Title = "t\u001Bitle", Actions = [new ReplyAction("vote:1:1", "b\u0007")] });

        Assert.DoesNotContain("\\u0007", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u001B", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\\u0000", json, StringComparison.Ordinal);
        Assert.Contains("bell esc[2J nul", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_a_reply_that_opts_in_pings_the_channel()
    {
        var message = BlockKitRenderer.Render(new Reply("Deadline in 1 hour") { Mentions = MentionPolicy.Everyone });
        Assert.StartsWith("<!channel> ", ((SectionBlock)message.Blocks[0]).Mrkdwn, StringComparison.Ordinal);
        Assert.StartsWith("<!channel> ", message.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("U0123ABC", "<@U0123ABC> ")]
    [InlineData("W0123ABC", "<@W0123ABC> ")]
    [InlineData("U1> <!channel", "")]
    [InlineData("alice", "")]
    public void A_post_for_one_member_pings_only_a_well_formed_member(string id, string ping)
    {
        var message = BlockKitRenderer.Render(new Reply("stand up") { NotifyUserId = id });

        Assert.Equal(ping + "stand up", ((SectionBlock)message.Blocks[0]).Mrkdwn);
        Assert.Equal(ping + "stand up", message.Text);
        Assert.DoesNotContain("<!", Json(new Reply("stand up") { NotifyUserId = id }), StringComparison.Ordinal);
    }

    [Fact]
    public void Light_markdown_becomes_mrkdwn()
    {
        var message = BlockKitRenderer.Render(new Reply("**Bold** and _italic_ and `code`\n> a quote with <b>"));
        Assert.Equal("*Bold* and _italic_ and `code`\n> a quote with &lt;b&gt;", ((SectionBlock)message.Blocks[0]).Mrkdwn);
    }

    [Fact]
    public void Title_citations_buttons_and_footer_have_their_blocks()
    {
        var reply = new Reply("Body") with
        {
            Title = "Best option?",
            Citations = [new Citation("north-korea-talks", 3, "Talks resumed in May.")],
            Actions = [new ReplyAction("vote:12:1", "Yes", ActionStyle.Primary), new ReplyAction("vote:12:2", "No", ActionStyle.Danger), new ReplyAction("vote:12:3", "Maybe")],
            Footer = "Source: library",
        };
        var blocks = BlockKitRenderer.Render(reply).Blocks;

        Assert.Equal(new HeaderBlock("Best option?"), blocks[0]);
        Assert.Equal(new SectionBlock("Body"), blocks[1]);
        var citation = Assert.IsType<ContextBlock>(blocks[2]);
        Assert.Equal("“Talks resumed in May.” — north-korea-talks ¶3", Assert.Single(citation.MrkdwnElements));
        var actions = Assert.IsType<ActionsBlock>(blocks[3]);
        Assert.Equal(["vote:12:1", "vote:12:2", "vote:12:3"], actions.Buttons.Select(b => b.ActionId));
        Assert.Equal(["primary", "danger", null], actions.Buttons.Select(b => b.Style));
        Assert.Equal("Source: library", Assert.Single(Assert.IsType<ContextBlock>(blocks[4]).MrkdwnElements));
    }

    [Fact]
    public void Long_text_is_split_into_sections_of_at_most_3000_characters_within_50_blocks()
    {
        var paragraph = string.Concat(Enumerable.Repeat("word & more ", 30)) + "\n";
        var reply = new Reply(string.Concat(Enumerable.Repeat(paragraph, 2000))) { Actions = [.. Enumerable.Range(0, 60).Select(i => new ReplyAction($"vote:1:{i}", new string('x', 100)))] };
        var message = BlockKitRenderer.Render(reply);

        Assert.True(message.Blocks.Count <= BlockKitRenderer.MaxBlocks);
        var sections = message.Blocks.OfType<SectionBlock>().ToList();
        Assert.All(sections, s => Assert.InRange(s.Mrkdwn.Length, 1, BlockKitRenderer.MaxSectionText));
        Assert.All(sections, s => Assert.DoesNotMatch("&[a-z]{0,3}$", s.Mrkdwn.TrimEnd('…')));
        Assert.EndsWith("…", sections[^1].Mrkdwn, StringComparison.Ordinal);

        var actionBlocks = message.Blocks.OfType<ActionsBlock>().ToList();
        Assert.Equal([25, 25, 10], actionBlocks.Select(a => a.Buttons.Count));
        Assert.All(actionBlocks.SelectMany(a => a.Buttons), b => Assert.True(b.Label.Length <= BlockKitRenderer.MaxButtonLabel));
        Assert.True(message.Text.Length <= BlockKitRenderer.MaxFallbackText);
    }

    [Fact]
    public void Private_replies_render_as_ephemeral_responses()
    {
        var json = JsonDocument.Parse(SlackMessageJson.ResponseBody(BlockKitRenderer.Render(Reply.Private("only you")))).RootElement;
        Assert.Equal("ephemeral", json.GetProperty("response_type").GetString());
        var channel = JsonDocument.Parse(SlackMessageJson.ResponseBody(BlockKitRenderer.Render(new Reply("all")))).RootElement;
        Assert.Equal("in_channel", channel.GetProperty("response_type").GetString());
        Assert.Equal("section", channel.GetProperty("blocks")[0].GetProperty("type").GetString());
        Assert.Equal("mrkdwn", channel.GetProperty("blocks")[0].GetProperty("text").GetProperty("type").GetString());
    }

    private static string Json(Reply reply)
    {
        // Decode JSON escapes so the assertions see the text Slack would see.
        var root = JsonDocument.Parse(SlackMessageJson.ResponseBody(BlockKitRenderer.Render(reply))).RootElement;
        return JsonSerializer.Serialize(root, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
