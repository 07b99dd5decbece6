using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Knowledge.Conversations;

namespace PolicyBot.Core.Tests.Knowledge.Conversations;

/// <summary>Which earlier answer a question may follow up, on a fake clock.</summary>
public sealed class ConversationMemoryTests
{
    private static readonly ConversationRef General = new(Platforms.Discord, "100");
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-03-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly FollowUpOptions _options = new();
    private readonly ConversationMemory _memory;

    public ConversationMemoryTests() => _memory = new ConversationMemory(_clock, Options.Create(_options));

    [Fact]
    public void The_same_member_in_the_same_channel_within_the_window_follows_up()
    {
        var asked = Remember("u1", General, "What should Washington offer?");
        _clock.Advance(TimeSpan.FromMinutes(4));

        Assert.Equal(asked, _memory.Recall(new FollowUpCue(General, "u1", null)));
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(_memory.Recall(new FollowUpCue(General, "u1", null)));
    }

    [Fact]
    public void Context_never_crosses_members_or_channels()
    {
        var asked = Remember("u1", General, "What should Washington offer?");
        _memory.RecordAsync(ConversationMemory.KeyFor(asked), new MessageRef(General, "answer-1"), CancellationToken.None);

        Assert.Null(_memory.Recall(new FollowUpCue(General, "u2", null)));
        Assert.Null(_memory.Recall(new FollowUpCue(General, "u2", "answer-1")));
        Assert.Null(_memory.Recall(new FollowUpCue(General with { ChannelId = "101" }, "u1", null)));
        Assert.Null(_memory.Recall(new FollowUpCue(General with { Platform = Platforms.Slack }, "u1", null)));
    }

    [Fact]
    public void A_reply_to_an_answer_follows_it_up_after_the_window_until_the_maximum_age()
    {
        var first = Remember("u1", General, "What should Washington offer?");
        _memory.RecordAsync(ConversationMemory.KeyFor(first), new MessageRef(General, "answer-1"), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(1));
        Remember("u1", General, "Who is Kushner?");
        _clock.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal(first, _memory.Recall(new FollowUpCue(General, "u1", "answer-1")));
        Assert.Null(_memory.Recall(new FollowUpCue(General, "u1", null)));
        _clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Null(_memory.Recall(new FollowUpCue(General, "u1", "answer-1")));
    }

    [Fact]
    public void A_question_in_the_answers_slack_thread_follows_it_up()
    {
        var channel = new ConversationRef(Platforms.Slack, "C1");
        var inThread = Remember("U1", channel with { ThreadId = "1750000000.000100" }, "What should Washington offer?");
        Remember("U1", channel with { ThreadId = "1750000099.000100" }, "Who is Kushner?");
        _clock.Advance(TimeSpan.FromMinutes(20));

        Assert.Equal(inThread, _memory.Recall(new FollowUpCue(channel with { ThreadId = "1750000000.000100" }, "U1", null)));
        Assert.Null(_memory.Recall(new FollowUpCue(channel with { ThreadId = "1750000000.000100" }, "U2", null)));
    }

    [Fact]
    public void A_question_in_a_discord_thread_opened_on_the_answer_follows_it_up()
    {
        var asked = Remember("u1", General, "What should Washington offer?");
        _memory.RecordAsync(ConversationMemory.KeyFor(asked), new MessageRef(General, "5001"), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(20));

        Assert.Equal(asked, _memory.Recall(new FollowUpCue(new ConversationRef(Platforms.Discord, "5001"), "u1", null)));
        Assert.Null(_memory.Recall(new FollowUpCue(new ConversationRef(Platforms.Discord, "5001"), "u2", null)));
    }

    [Fact]
    public void Memory_is_bounded_per_conversation_and_in_all()
    {
        _options.ExchangesPerConversation = 2;
        _options.MaxConversations = 3;
        var oldest = Remember("u1", General, "one?");
        _memory.RecordAsync(ConversationMemory.KeyFor(oldest), new MessageRef(General, "answer-1"), CancellationToken.None);
        Remember("u1", General, "two?");
        Remember("u1", General, "three?");
        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Null(_memory.Recall(new FollowUpCue(General, "u1", "answer-1")));

        Remember("u1", General, "four?");
        for (var member = 2; member <= 4; member++)
        {
            Remember($"u{member}", General, "hello?");
        }

        Assert.Equal(3, _memory.Count);
        Assert.Null(_memory.Recall(new FollowUpCue(General, "u1", null)));
        Assert.NotNull(_memory.Recall(new FollowUpCue(General, "u4", null)));
    }

    [Fact]
    public void Switched_off_nothing_is_kept()
    {
        _options.Enabled = false;
        Remember("u1", General, "What should Washington offer?");

        Assert.Null(_memory.Recall(new FollowUpCue(General, "u1", null)));
        Assert.Equal(0, _memory.Count);
    }

    private Exchange Remember(string member, ConversationRef conversation, string question)
    {
        var exchange = new Exchange(Guid.NewGuid().ToString("N"), question, "north-korea-talks", ImmutableArray<Citation>.Empty, null, false, _clock.GetUtcNow(), conversation.ThreadId);
        _memory.Remember(new FollowUpCue(conversation, member, null), exchange);
        return exchange;
    }
}
