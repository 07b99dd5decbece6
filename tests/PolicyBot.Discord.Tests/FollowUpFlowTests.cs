using PolicyBot.Discord.Tests.Fakes;
using PolicyBot.Discord.Tests.Loopback;
using PolicyBot.Tests.Shared;

namespace PolicyBot.Discord.Tests;

/// <summary>
/// Follow-ups through the loopback Discord with the real <c>ask</c>: a reply to an answer (message_reference) and a
/// thread opened on it carry its context, nothing else does (the time window is off here); a slow answer shows a
/// "Thinking…" reply that is edited into it.
/// </summary>
public sealed class FollowUpFlowTests : IAsyncLifetime
{
    private LoopbackDiscord _discord = null!;
    private FollowUpKnowledge _knowledge = null!;

    public async Task InitializeAsync() => _discord = await LoopbackDiscord.StartAsync();

    public async Task DisposeAsync() => await _discord.DisposeAsync();

    [Fact]
    public async Task A_reply_to_an_answer_is_read_with_it_and_other_messages_are_not()
    {
        await using var host = await StartAsync();
        var (connection, _) = await _discord.AcceptIdentifiedAsync();

        await connection.SendDispatchAsync("MESSAGE_CREATE", 2, CommandFlowTests.Message("m-1", "!ask what do critics say?"));
        var answer = await NextPostAsync();
        var answerId = answer.Id;

        await connection.SendDispatchAsync("MESSAGE_CREATE", 3, Reply("m-2", "!ask who said that?", answerId));
        var who = await NextPostAsync();
        await connection.SendDispatchAsync("MESSAGE_CREATE", 4, CommandFlowTests.Message("m-3", "!ask who said that?"));
        var plain = await NextPostAsync();
        await connection.SendDispatchAsync("MESSAGE_CREATE", 5, Reply("m-4", "!ask who said that?", answerId, userId: "u-2"));
        var stranger = await NextPostAsync();

        Assert.Contains("It is the view of Jane Critic, as the article reports it (¶2).", who.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("Jane Critic", plain.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("Jane Critic", stranger.Content, StringComparison.Ordinal);
        Assert.Equal(["what do critics say?", "who said that?", "who said that?"], _knowledge.Questions); // the reply needed no retrieval
    }

    [Fact]
    public async Task A_question_in_a_thread_opened_on_the_answer_is_read_with_it()
    {
        await using var host = await StartAsync();
        var (connection, _) = await _discord.AcceptIdentifiedAsync();

        await connection.SendDispatchAsync("MESSAGE_CREATE", 2, CommandFlowTests.Message("m-1", "!ask what do critics say?"));
        var answer = await NextPostAsync();
        // Discord gives a thread started from a message that message's id.
        await connection.SendDispatchAsync("MESSAGE_CREATE", 3, InChannel("m-2", "!ask quote it", answer.Id));

        var quote = await _discord.NextRequestAsync(r => r.Path == $"channels/{answer.Id}/messages");
        Assert.Contains("Critics say the deadline is empty. They expect nothing to change.", Text(quote.Json), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_answer_shows_thinking_at_once_and_the_reply_is_edited_into_the_answer()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["Discord:InteractionDeferAfter"] = "00:00:00.020" });
        var (connection, _) = await _discord.AcceptIdentifiedAsync();

        await connection.SendDispatchAsync("MESSAGE_CREATE", 2, CommandFlowTests.Message("m-1", "!ask a slow question"));
        var thinking = await _discord.NextRequestAsync(r => r.Path == "channels/100/messages");
        Assert.Equal("_Thinking…_", thinking.Json.GetProperty("content").GetString());
        Assert.Equal("m-1", thinking.Json.GetProperty("message_reference").GetProperty("message_id").GetString());
        _knowledge.Release.SetResult();

        var edit = await _discord.NextRequestAsync(r => r.Method == "PATCH");
        Assert.StartsWith("channels/100/messages/", edit.Path, StringComparison.Ordinal);
        Assert.Contains("Critics call the deadline empty.", Text(edit.Json), StringComparison.Ordinal);
        Assert.Empty(edit.Json.GetProperty("allowed_mentions").GetProperty("parse").EnumerateArray());

        // The edited notice is the answer: a reply to it follows the answer up.
        Assert.Equal(edit.Path.Split('/').Last(), (await _knowledge.NextAnswerPostedAsync()).MessageId);
        await connection.SendDispatchAsync("MESSAGE_CREATE", 3, Reply("m-2", "!ask who said that?", edit.Path.Split('/').Last()));
        Assert.Contains("Jane Critic", (await NextPostAsync()).Content, StringComparison.Ordinal);
    }

    private async Task<DiscordTestHost> StartAsync(IDictionary<string, string?>? settings = null) =>
        await DiscordTestHost.StartAsync(_discord, settings, configure: services => _knowledge = FollowUpKnowledge.Register(services));

    private async Task<(string Id, string Content)> NextPostAsync()
    {
        var post = await _discord.NextRequestAsync(r => r.Path == "channels/100/messages");
        var posted = await _knowledge.NextAnswerPostedAsync();
        return (posted.MessageId, Text(post.Json));
    }

    // What the member reads: the content, or the embed's description and fields.
    private static string Text(System.Text.Json.JsonElement message) =>
        string.Join('\n', Strings(message));

    private static IEnumerable<string> Strings(System.Text.Json.JsonElement element) => element.ValueKind switch
    {
        System.Text.Json.JsonValueKind.String => [element.GetString()!],
        System.Text.Json.JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        System.Text.Json.JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    private static object Reply(string id, string content, string repliedTo, string userId = "u-1") => new
    {
        id,
        channel_id = "100",
        guild_id = "200",
        type = 19,
        content,
        author = new { id = userId, username = "ada" },
        member = new { roles = Array.Empty<string>(), nick = "Ada" },
        message_reference = new { message_id = repliedTo, channel_id = "100", guild_id = "200" },
    };

    private static object InChannel(string id, string content, string channelId) => new
    {
        id,
        channel_id = channelId,
        guild_id = "200",
        content,
        author = new { id = "u-1", username = "ada" },
        member = new { roles = Array.Empty<string>(), nick = "Ada" },
    };
}
