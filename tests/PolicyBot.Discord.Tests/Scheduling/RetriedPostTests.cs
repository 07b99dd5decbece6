using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Core.Chat;
using PolicyBot.Discord.Tests.Fakes;
using PolicyBot.Discord.Tests.Loopback;

namespace PolicyBot.Discord.Tests.Scheduling;

/// <summary>
/// A scheduled post retried after Discord's nonce window (a long lease, a long outage) finds the message its dead
/// attempt made instead of posting again; a first attempt costs no extra request; a channel it cannot read still gets
/// the post.
/// </summary>
public sealed class RetriedPostTests : IAsyncLifetime
{
    private const string Channel = "100200300400500600";
    private static readonly DateTimeOffset DueAt = DateTimeOffset.Parse("2026-03-25T10:00:00Z", CultureInfo.InvariantCulture);
    private static readonly ConversationRef General = new(Platforms.Discord, Channel);
    private static readonly Reply Reminder = new("⏰ Reminder for **Ada**: submit the budget") { NotifyUserId = "112233445566778899" };
    private static readonly PostOnce FirstAttempt = new("0123456789abcdef01234567", DueAt, MayAlreadyExist: false);
    private static readonly PostOnce Retry = FirstAttempt with { MayAlreadyExist = true };

    // Discord's clock starts before the due time, so a test can leave messages from before it.
    private readonly FakeTimeProvider _clock = new(DueAt.AddMinutes(-10));
    private LoopbackDiscord _discord = null!;
    private DiscordTestHost _host = null!;

    private DiscordPlatform Platform => _host.Services.GetRequiredService<DiscordPlatform>();

    public async Task InitializeAsync()
    {
        _discord = await LoopbackDiscord.StartAsync();
        _discord.Clock = _clock;
        _host = await DiscordTestHost.StartAsync(_discord, startGateway: false, configure: s => s.AddSingleton<TimeProvider>(_clock));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _discord.DisposeAsync();
    }

    [Fact]
    public async Task A_retry_after_the_nonce_window_returns_the_message_already_posted_and_posts_nothing()
    {
        _host.Services.GetRequiredService<DiscordBotIdentity>().OnReady(LoopbackDiscord.BotUserId, "777");
        _clock.SetUtcNow(DueAt);
        var posted = await Platform.PostOnceAsync(General, Reminder, FirstAttempt, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(50)); // the dead attempt's lease ran out long after Discord forgot the nonce

        var retried = await Platform.PostOnceAsync(General, Reminder, Retry, CancellationToken.None);

        Assert.Equal(posted, retried);
        Assert.Single(_discord.Messages);
        Assert.DoesNotContain(Drain(), r => r.Path == "users/@me"); // READY already named the bot
    }

    [Fact]
    public async Task A_retry_before_READY_asks_Discord_who_the_bot_is_and_still_finds_its_post()
    {
        _clock.SetUtcNow(DueAt);
        var posted = await Platform.PostOnceAsync(General, Reminder, FirstAttempt, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(50));

        var retried = await Platform.PostOnceAsync(General, Reminder, Retry, CancellationToken.None);

        Assert.Equal(posted, retried);
        Assert.Single(_discord.Messages);
        Assert.Equal(LoopbackDiscord.BotUserId, _host.Services.GetRequiredService<DiscordBotIdentity>().UserId);
    }

    [Theory]
    [InlineData(null)] // the text in the message's content
    [InlineData("Repeats `0 9 * * *` (UTC)")] // a footer moves the text into an embed
    public async Task A_reminder_retried_late_is_known_by_its_opening_though_a_late_line_follows(string? footer)
    {
        _host.Services.GetRequiredService<DiscordBotIdentity>().OnReady(LoopbackDiscord.BotUserId, "777");
        var onTime = Reminder with { Footer = footer };
        _clock.SetUtcNow(DueAt);
        var posted = await Platform.PostOnceAsync(General, onTime, FirstAttempt, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(50));

        var late = onTime with { Text = onTime.Text + "\n_(late by 50 minutes: I was offline at the time)_" };
        var retried = await Platform.PostOnceAsync(General, late, Retry with { Opening = onTime.Text }, CancellationToken.None);

        Assert.Equal(posted, retried);
        Assert.Single(_discord.Messages);
    }

    [Fact]
    public async Task A_message_whose_first_line_only_begins_as_the_opening_is_not_taken_for_the_post()
    {
        _host.Services.GetRequiredService<DiscordBotIdentity>().OnReady(LoopbackDiscord.BotUserId, "777");
        _clock.SetUtcNow(DueAt);
        await Platform.PostOnceAsync(General, Reminder with { Text = Reminder.Text + " report" }, FirstAttempt with { Key = "1123456789abcdef01234567" }, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(50));

        await Platform.PostOnceAsync(General, Reminder, Retry with { Opening = Reminder.Text }, CancellationToken.None);

        Assert.Equal(2, _discord.Messages.Count);
    }

    [Fact]
    public async Task A_retry_with_no_matching_message_posts_once()
    {
        var content = Rendered(Reminder);
        _discord.Seed(Channel, LoopbackDiscord.BotUserId, content); // the bot's, but from before the job came due
        _clock.SetUtcNow(DueAt.AddMinutes(50));
        _discord.Seed(Channel, "424242424242424242", content); // the same words from someone else
        _discord.Seed(Channel, LoopbackDiscord.BotUserId, "⏰ Reminder for **Ada**: something else"); // the bot, other words

        var retried = await Platform.PostOnceAsync(General, Reminder, Retry, CancellationToken.None);

        var history = Assert.Single(Drain(), r => r.Method == "GET" && r.Path == $"channels/{Channel}/messages");
        Assert.Contains("limit=100", history.Query, StringComparison.Ordinal);
        var created = _discord.Messages[^1];
        Assert.Equal((4, created.Id, LoopbackDiscord.BotUserId), (_discord.Messages.Count, retried.MessageId, created.AuthorId));
        Assert.Equal(Retry.Key, created.Nonce);
    }

    [Fact]
    public async Task A_first_attempt_makes_no_history_request()
    {
        _clock.SetUtcNow(DueAt);
        await Platform.PostOnceAsync(General, Reminder, FirstAttempt, CancellationToken.None);

        var request = Assert.Single(Drain());
        Assert.Equal(("POST", $"channels/{Channel}/messages"), (request.Method, request.Path));
        Assert.Equal(FirstAttempt.Key, request.Json.GetProperty("nonce").GetString());
    }

    [Fact]
    public async Task A_retry_that_cannot_read_the_channel_logs_why_and_posts()
    {
        _discord.Responder = r => r.Method == "GET" && r.Path.EndsWith("/messages", StringComparison.Ordinal)
            ? new LoopbackResponse(403, new { code = 50001, message = "Missing Access" })
            : null;

        var retried = await Platform.PostOnceAsync(General, Reminder, Retry, CancellationToken.None);

        Assert.Equal(retried.MessageId, Assert.Single(_discord.Messages).Id);
        var warning = Assert.Single(_host.LogLines, l => l.Category == typeof(DiscordPlatform).FullName && l.Level == LogLevel.Warning);
        Assert.Contains("403 code 50001", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_host.LogLines, l => l.Message.Contains(DiscordTestHost.Token, StringComparison.Ordinal));
    }

    private static string Rendered(Reply reply) => DiscordRenderer.Render(reply).Payload.Content!;

    private List<RecordedRequest> Drain()
    {
        var requests = new List<RecordedRequest>();
        while (_discord.Requests.Reader.TryRead(out var request))
        {
            requests.Add(request);
        }

        return requests;
    }
}
