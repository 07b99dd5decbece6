using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;
using PolicyBot.Core.Polls;
using PolicyBot.Core.Polls.Commands;
using PolicyBot.Core.Scheduling;
using PolicyBot.Core.Tests.Commands;

namespace PolicyBot.Core.Tests.Polls;

/// <summary>The poll feature wired to an in-memory store, a fake clock, a mock due-job store and a recording platform.</summary>
internal sealed class PollHarness : IDisposable
{
    public static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-03-01T12:00:00Z", CultureInfo.InvariantCulture);
    public static readonly ConversationRef Channel = new(PolicyBot.Core.Chat.Platforms.Discord, "chan-1");
    public static readonly Sender Alice = new("alice", "Alice");
    public static readonly Sender Bob = new("bob", "Bob");
    public static readonly Sender Admin = new("admin", "Admin", IsAdmin: true);

    private int _deliveries;

    public PollHarness(PollOptions? options = null, PolicyBot.Core.Diagnostics.BotMetrics? metrics = null, CommandSyntax? syntax = null)
    {
        syntax ??= CommandSyntax.Default();
        var pollOptions = Options.Create(options ?? new PollOptions());
        Platforms = new ChatPlatformRegistry([Platform]);
        Cards = new PollCardUpdater(Store, Platforms, Clock, pollOptions, syntax, NullLogger<PollCardUpdater>.Instance);
        Service = new PollService(Store, DueJobs.Object, Cards, Clock, pollOptions, NullLogger<PollService>.Instance, metrics, syntax);
        Poll = new PollCommand(Service, pollOptions);
        Vote = new VoteCommand(Service);
        Unvote = new UnvoteCommand(Service);
        Results = new ResultsCommand(Service);
        Close = new ClosePollCommand(Service);
        List = new PollsCommand(Service, pollOptions);
        Export = new ExportPollCommand(Service);
        CloseJob = new PollCloseJobHandler(Service, new ScheduledPoster(DueJobs.Object, Platforms, NullLogger<ScheduledPoster>.Instance), NullLogger<PollCloseJobHandler>.Instance);
        Sink = new PollCardMessageSink(Service);
        DeliveryLog = new InMemoryDeliveryLog(Store.HasDelivery);
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public InMemoryPollStore Store { get; } = new();

    public Mock<IDueJobStore> DueJobs { get; } = new();

    /// <summary>The router's delivery log; like the SQL one, it also sees the delivery ids the store applied with ballots.</summary>
    public InMemoryDeliveryLog DeliveryLog { get; }

    public RecordingChatPlatform Platform { get; } = new();

    public ChatPlatformRegistry Platforms { get; }

    public PollCardUpdater Cards { get; }

    public PollService Service { get; }

    public PollCommand Poll { get; }

    public VoteCommand Vote { get; }

    public UnvoteCommand Unvote { get; }

    public ResultsCommand Results { get; }

    public ClosePollCommand Close { get; }

    public PollsCommand List { get; }

    public ExportPollCommand Export { get; }

    public PollCloseJobHandler CloseJob { get; }

    public PollCardMessageSink Sink { get; }

    public Task<Reply> RunAsync(ICommandHandler handler, string arguments, Sender? sender = null, ConversationRef? conversation = null) =>
        handler.HandleAsync(Invocation(handler.Definition.Name, arguments, sender), CancellationToken.None);

    public CommandInvocation Invocation(string name, string arguments, Sender? sender = null, ConversationRef? conversation = null, string? deliveryId = null) =>
        new(name, arguments, sender ?? Alice, conversation ?? Channel, deliveryId ?? $"evt-{Interlocked.Increment(ref _deliveries)}");

    /// <summary>Creates a poll the way a user does, and "posts" its card so later edits have a target.</summary>
    public async Task<Poll> CreatePollAsync(string arguments, Sender? creator = null)
    {
        var card = await RunAsync(Poll, arguments, creator);
        Assert.False(card.IsError, card.Text);
        Assert.True(PollCard.TryParseTrackingKey(card.TrackingKey!, out var pollId));
        var posted = await Platform.PostAsync(Channel, card, CancellationToken.None);
        await Sink.RecordAsync(card.TrackingKey!, posted, CancellationToken.None);
        return (await Store.GetAsync(pollId, CancellationToken.None))!;
    }

    public async Task<PollTally> TallyAsync(long pollId) => await Store.TallyAsync(pollId, (await Store.GetAsync(pollId, CancellationToken.None))!.Options.Length, CancellationToken.None);

    public void Dispose() => Cards.Dispose();
}
