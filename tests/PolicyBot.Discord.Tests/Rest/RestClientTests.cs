using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Inbound;
using PolicyBot.Discord.Rest;
using PolicyBot.Discord.Tests.Fakes;
using PolicyBot.Discord.Tests.Loopback;

namespace PolicyBot.Discord.Tests.Rest;

/// <summary>The REST client against the loopback Discord: 429s, 5xx, 401, uploads, edits.</summary>
public sealed class RestClientTests : IAsyncLifetime
{
    private LoopbackDiscord _discord = null!;
    private DiscordTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _discord = await LoopbackDiscord.StartAsync();
        _host = await DiscordTestHost.StartAsync(_discord, startGateway: false);
    }

    public async Task DisposeAsync()
    {
        await _host.Services.DisposeAsync();
        await _discord.DisposeAsync();
    }

    private DiscordRestClient Rest => _host.Services.GetRequiredService<DiscordRestClient>();

    private DiscordPlatform Platform => _host.Services.GetRequiredService<DiscordPlatform>();

    [Fact]
    public async Task A_429_is_waited_out_for_retry_after_then_retried()
    {
        var calls = 0;
        _discord.Responder = r => r.Path == "channels/1/messages" && Interlocked.Increment(ref calls) == 1
            ? new LoopbackResponse(429, new { message = "You are being rate limited.", retry_after = 0.2, global = false },
                new Dictionary<string, string> { ["X-RateLimit-Scope"] = "user", ["Retry-After"] = "1" })
            : null;

        var posted = await Platform.PostAsync(new ConversationRef("discord", "1"), new Reply("hi"), CancellationToken.None);

        var first = await _discord.NextRequestAsync();
        var second = await _discord.NextRequestAsync();
        Assert.Equal(2, calls);
        Assert.True(second.ReceivedAt - first.ReceivedAt >= TimeSpan.FromMilliseconds(180), $"retried after {(second.ReceivedAt - first.ReceivedAt).TotalMilliseconds} ms");
        Assert.False(string.IsNullOrEmpty(posted.MessageId));
    }

    [Fact]
    public async Task A_create_whose_answer_is_lost_is_retried_with_the_same_enforced_nonce_and_posts_once()
    {
        var drops = 0;
        _discord.AfterCreating = _ => Interlocked.Increment(ref drops) == 1;

        var posted = await Platform.PostAsync(new ConversationRef("discord", "1"), new Reply("hi"), CancellationToken.None);

        var message = Assert.Single(_discord.Messages);
        Assert.Equal(message.Id, posted.MessageId);
        var first = await _discord.NextRequestAsync();
        var retry = await _discord.NextRequestAsync();
        Assert.Equal(first.Json.GetProperty("nonce").GetString(), retry.Json.GetProperty("nonce").GetString());
        Assert.True(retry.Json.GetProperty("enforce_nonce").GetBoolean());
    }

    [Fact]
    public async Task A_tracked_reply_that_discord_refuses_is_reported_undelivered()
    {
        _discord.Responder = _ => new LoopbackResponse(403, new { message = "Missing Access", code = 50001 });

        // Replies reach Discord through the core's pipeline, which records where they landed (or that they did not).
        var pipeline = _host.Services.GetRequiredService<InvocationPipeline>();
        var responder = new MessageCommandResponder(Platform, new ConversationRef("discord", "1"), messageId: null, TimeSpan.FromSeconds(1.5));
        await Assert.ThrowsAsync<DiscordRestException>(() =>
            pipeline.DeliverAsync(responder, new Reply("card") { TrackingKey = "poll:9" }, CancellationToken.None));

        Assert.Equal("poll:9", Assert.Single(_host.Sink.Undelivered));
        Assert.Empty(_host.Sink.Recorded);
    }

    [Fact]
    public async Task An_answer_over_8_mib_is_cut_off_not_read_into_memory_and_the_call_retried()
    {
        var calls = 0;
        var runaway = new LoopbackResponse(200, new { id = "1", content = new string('x', 9 * 1024 * 1024) });
        _discord.Responder = _ => Interlocked.Increment(ref calls) == 1 ? runaway : null;

        var posted = await Platform.PostAsync(new ConversationRef("discord", "1"), new Reply("hi"), CancellationToken.None);

        Assert.Equal(2, calls);
        Assert.Equal(Assert.Single(_discord.Messages).Id, posted.MessageId);
    }

    [Fact]
    public async Task Server_errors_are_retried_with_backoff()
    {
        var calls = 0;
        _discord.Responder = _ => Interlocked.Increment(ref calls) <= 2 ? new LoopbackResponse(502) : null;

        await Platform.PostAsync(new ConversationRef("discord", "1"), new Reply("hi"), CancellationToken.None);

        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task After_a_401_the_token_is_not_used_again()
    {
        _discord.Responder = _ => new LoopbackResponse(401, new { message = "401: Unauthorized", code = 0 });

        var first = await Assert.ThrowsAsync<DiscordRestException>(() => Platform.PostAsync(new ConversationRef("discord", "1"), new Reply("hi"), CancellationToken.None));
        var second = await Assert.ThrowsAsync<DiscordRestException>(() => Platform.PostAsync(new ConversationRef("discord", "1"), new Reply("again"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, first.Status);
        Assert.Contains("no further requests", second.Message);
        Assert.Equal(1, _discord.Requests.Reader.Count);
        Assert.DoesNotContain(_host.LogLines, l => l.Message.Contains(DiscordTestHost.Token));
    }

    [Fact]
    public async Task Discord_error_codes_surface_in_the_exception()
    {
        _discord.Responder = _ => new LoopbackResponse(404, new { message = "Unknown Channel", code = 10003 });

        var error = await Assert.ThrowsAsync<DiscordRestException>(() => Platform.PostAsync(new ConversationRef("discord", "1"), new Reply("hi"), CancellationToken.None));

        Assert.Equal(10003, error.DiscordCode);
    }

    [Fact]
    public async Task Attachments_are_uploaded_as_multipart_with_payload_json()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3];
        var reply = new Reply("Results") { Attachments = [new Attachment("chart.png", "image/png", png, "Votes per option"), new Attachment("votes.csv", "text/csv", "a,b\n1,2"u8.ToArray())] };

        await Platform.PostAsync(new ConversationRef("discord", "1"), reply, CancellationToken.None);

        var request = await _discord.NextRequestAsync();
        Assert.StartsWith("multipart/form-data", request.Header("Content-Type"));
        Assert.Equal(["files[0]", "files[1]"], request.Files.Select(f => f.FieldName).ToArray());
        Assert.Equal(png, request.Files[0].Content);
        Assert.Equal("chart.png", request.Files[0].FileName);
        var attachments = request.Json.GetProperty("attachments");
        Assert.Equal((0, "chart.png", "Votes per option"), (attachments[0].GetProperty("id").GetInt32(), attachments[0].GetProperty("filename").GetString(), attachments[0].GetProperty("description").GetString()));
        Assert.Empty(request.Json.GetProperty("allowed_mentions").GetProperty("parse").EnumerateArray());
    }

    [Fact]
    public async Task Gateway_bot_reports_the_session_start_budget()
    {
        _discord.Responder = r => r.Path == "gateway/bot"
            ? new LoopbackResponse(200, new { url = "wss://g", shards = 2, session_start_limit = new { total = 1000, remaining = 7, reset_after = 3_600_000, max_concurrency = 1 } })
            : null;

        var info = await Rest.GetGatewayBotAsync(CancellationToken.None);

        Assert.Equal((2, 1), (info.RecommendedShards, info.MaxConcurrency));
        Assert.Equal(new SessionStartLimit(1000, 7, TimeSpan.FromHours(1)), info.SessionStarts);
    }

    [Fact]
    public async Task A_post_for_one_member_allows_exactly_that_ping_on_the_wire()
    {
        await Platform.PostAsync(new ConversationRef("discord", "1"), new Reply("⏰ stand up") { NotifyUserId = "123456789012345678" }, CancellationToken.None);

        var request = await _discord.NextRequestAsync();
        Assert.Equal("<@123456789012345678> ⏰ stand up", request.Json.GetProperty("content").GetString());
        var allowed = request.Json.GetProperty("allowed_mentions");
        Assert.Empty(allowed.GetProperty("parse").EnumerateArray());
        Assert.Equal("123456789012345678", Assert.Single(allowed.GetProperty("users").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task Update_edits_the_message_with_patch_and_clears_what_is_gone()
    {
        var card = new MessageRef(new ConversationRef("discord", "1"), "42");

        await Platform.UpdateAsync(card, new Reply("Poll closed") { Title = "Lunch?" }, CancellationToken.None);

        var request = await _discord.NextRequestAsync();
        Assert.Equal(("PATCH", "channels/1/messages/42"), (request.Method, request.Path));
        Assert.Equal("Lunch?", request.Json.GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.Empty(request.Json.GetProperty("components").EnumerateArray());
        Assert.Equal(string.Empty, request.Json.GetProperty("content").GetString());
    }

    [Fact]
    public async Task Posts_into_a_thread_go_to_the_thread_channel()
    {
        await Platform.PostAsync(new ConversationRef("discord", "1", ThreadId: "77"), new Reply("in thread"), CancellationToken.None);

        Assert.Equal("channels/77/messages", (await _discord.NextRequestAsync()).Path);
    }
}
