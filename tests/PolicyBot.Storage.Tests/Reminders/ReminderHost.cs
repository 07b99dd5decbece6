using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;
using PolicyBot.Core.Reminders;
using PolicyBot.Core.Reminders.Commands;
using PolicyBot.Core.Scheduling;
using PolicyBot.Storage.Infrastructure;
using PolicyBot.Storage.Reminders;
using PolicyBot.Storage.Scheduling;

namespace PolicyBot.Storage.Tests.Reminders;

/// <summary>One bot "process" for reminders on a database: stores, handlers, dispatcher and commands, wired by hand.</summary>
internal sealed class ReminderHost
{
    public static readonly ConversationRef General = new(Platforms.Console, "general");

    public ReminderHost(IDbConnectionFactory connections, TimeProvider clock, RemindersOptions options, RecordingPlatform platform, string instance = "host")
    {
        var settings = Options.Create(options);
        var syntax = CommandSyntax.Default();
        Jobs = new SqlDueJobStore(connections, clock);
        Reminders = new SqlReminderStore(connections);
        Service = new ReminderService(Reminders, new SqlUserTimeZoneStore(connections, clock), Jobs, settings, clock);
        var poster = new ScheduledPoster(Jobs, new ChatPlatformRegistry([platform]), NullLogger<ScheduledPoster>.Instance);
        Deadlines = new DeadlineCatalog(settings);
        Dispatcher = new DueJobDispatcher(
            Jobs,
            [
                new ReminderFireHandler(Reminders, poster, settings, syntax, NullLogger<ReminderFireHandler>.Instance),
                new DeadlinePostHandler(Deadlines, Jobs, poster, settings, NullLogger<DeadlinePostHandler>.Instance),
            ],
            Options.Create(new SchedulingOptions { InstanceId = instance }),
            clock,
            NullLogger<DueJobDispatcher>.Instance);
        DeadlineScheduler = new DeadlineScheduler(Deadlines, Jobs, clock, NullLogger<DeadlineScheduler>.Instance);
        Remind = new RemindCommand(Service, syntax, clock);
        List = new RemindersCommand(Service, syntax, clock);
        Cancel = new CancelReminderCommand(Service, syntax);
        TimeZone = new TimezoneCommand(Service, syntax, clock);
        Deadline = new DeadlineCommand(Deadlines, clock);
    }

    public SqlDueJobStore Jobs { get; }

    public SqlReminderStore Reminders { get; }

    public ReminderService Service { get; }

    public DeadlineCatalog Deadlines { get; }

    public DueJobDispatcher Dispatcher { get; }

    public DeadlineScheduler DeadlineScheduler { get; }

    public RemindCommand Remind { get; }

    public RemindersCommand List { get; }

    public CancelReminderCommand Cancel { get; }

    public TimezoneCommand TimeZone { get; }

    public DeadlineCommand Deadline { get; }

    public static Sender Alice { get; } = new("u-alice", "Alice");

    public static Sender Bob { get; } = new("u-bob", "Bob");

    public static Sender Admin { get; } = new("u-admin", "Admin", IsAdmin: true);

    public static Task<Reply> RunAsync(ICommandHandler handler, string arguments, Sender? sender = null, ConversationRef? conversation = null) =>
        handler.HandleAsync(
            new CommandInvocation(handler.Definition.Name, arguments, sender ?? Alice, conversation ?? General, Guid.NewGuid().ToString("N")),
            CancellationToken.None);

    public Task<int> RunDueAsync() => Dispatcher.RunDueJobsOnceAsync(CancellationToken.None);
}

/// <summary>A chat platform that records what it was asked to post, and when.</summary>
internal sealed class RecordingPlatform(TimeProvider clock) : IChatPlatform
{
    private readonly List<(ConversationRef Conversation, Reply Reply, DateTimeOffset At)> _posts = [];

    public string Name => Platforms.Console;

    /// <summary>Runs after each post is recorded (a test kills its process there).</summary>
    public Action? AfterPost { get; set; }

    public IReadOnlyList<(ConversationRef Conversation, Reply Reply, DateTimeOffset At)> Posts
    {
        get
        {
            lock (_posts)
            {
                return _posts.ToArray();
            }
        }
    }

    /// <summary>What each scheduled post said about recognising itself on a retry, in order.</summary>
    public IReadOnlyList<PostOnce> Onces
    {
        get
        {
            lock (_posts)
            {
                return _onces.ToArray();
            }
        }
    }

    private readonly List<PostOnce> _onces = [];

    public Task<MessageRef> PostOnceAsync(ConversationRef conversation, Reply reply, PostOnce once, CancellationToken cancellationToken)
    {
        lock (_posts)
        {
            _onces.Add(once);
        }

        return PostAsync(conversation, reply, cancellationToken);
    }

    public Task<MessageRef> PostAsync(ConversationRef conversation, Reply reply, CancellationToken cancellationToken)
    {
        MessageRef posted;
        lock (_posts)
        {
            _posts.Add((conversation, reply, clock.GetUtcNow()));
            posted = new MessageRef(conversation, _posts.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        AfterPost?.Invoke();
        return Task.FromResult(posted);
    }

    public Task UpdateAsync(MessageRef message, Reply reply, CancellationToken cancellationToken) => Task.CompletedTask;
}
