using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Polls;
using PolicyBot.Storage.Commands;
using PolicyBot.Storage.Infrastructure;
using PolicyBot.Storage.Polls;
using PolicyBot.Storage.Tests.Infrastructure;

namespace PolicyBot.Storage.Tests.Polls;

/// <summary>
/// poll_vote_deliveries keeps an applied vote's delivery id, with the ballot (the router only looks it up there), so it
/// must hold where nothing in memory survives: after a restart, on a new pool and a new writer.
/// </summary>
public abstract class VoteRedeliveryContractTests(SqlDialect dialect)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-03-01T12:00:00Z", CultureInfo.InvariantCulture);

    [SkippableFact]
    public async Task A_vote_redelivered_after_a_restart_counts_once_and_does_not_undo_a_later_vote()
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        long pollId;
        await using (var before = new VoteWriter(database.Connections, NullLogger<VoteWriter>.Instance))
        {
            var store = new SqlPollStore(database.Connections, before);
            var poll = await store.CreateAsync(
                new PollDraft("Which concession first?", ["Lift sanctions", "Cancel drills"], 1, false, false, "creator", new ConversationRef(Platforms.Slack, "C1"), Now, null),
                CancellationToken.None);
            pollId = poll.Id;
            Assert.Equal(BallotOutcome.Recorded, await store.CastAsync(new Ballot(pollId, "alice", [1], "slack:Ev1", Now), CancellationToken.None));
            Assert.Equal(BallotOutcome.Recorded, await store.CastAsync(new Ballot(pollId, "alice", [2], "slack:Ev2", Now), CancellationToken.None));
        }

        var restarted = database.ConnectAsAnotherInstance();
        await using var after = new VoteWriter(restarted, NullLogger<VoteWriter>.Instance);
        var afterStore = new SqlPollStore(restarted, after);

        Assert.Equal(BallotOutcome.Duplicate, await afterStore.CastAsync(new Ballot(pollId, "alice", [1], "slack:Ev1", Now.AddMinutes(5)), CancellationToken.None));
        Assert.Equal(BallotOutcome.Duplicate, await afterStore.CastAsync(new Ballot(pollId, "alice", [], "slack:Ev2", Now.AddMinutes(5)), CancellationToken.None));
        var tally = await afterStore.TallyAsync(pollId, 2, CancellationToken.None);
        Assert.Equal(new[] { 0, 1 }, tally.Counts.ToArray());
    }

    [SkippableFact]
    public async Task The_delivery_log_sees_an_applied_votes_id_from_another_instance_and_not_a_refused_ones()
    {
        // The router looks a vote's id up before the rate limit: applied, it is in poll_vote_deliveries; refused, the
        // writer stored nothing and the router records it in delivery_log itself.
        await using var database = await TestDatabases.CreateAsync(dialect);
        await using var writer = new VoteWriter(database.Connections, NullLogger<VoteWriter>.Instance);
        var store = new SqlPollStore(database.Connections, writer);
        var poll = await store.CreateAsync(
            new PollDraft("Which concession first?", ["Lift sanctions", "Cancel drills"], 1, false, false, "creator", new ConversationRef(Platforms.Slack, "C1"), Now, null),
            CancellationToken.None);
        Assert.Equal(BallotOutcome.Recorded, await store.CastAsync(new Ballot(poll.Id, "alice", [1], "slack:Ev1", Now), CancellationToken.None));
        Assert.Equal(BallotOutcome.InvalidOptions, await store.CastAsync(new Ballot(poll.Id, "bob", [1, 2], "slack:Ev2", Now), CancellationToken.None));
        await store.CloseAsync(poll.Id, Now, CancellationToken.None);
        Assert.Equal(BallotOutcome.PollClosed, await store.CastAsync(new Ballot(poll.Id, "carol", [2], "slack:Ev3", Now), CancellationToken.None));

        var log = new SqlDeliveryLog(database.ConnectAsAnotherInstance(), new FakeTimeProvider(Now));

        Assert.True(await log.HasSeenAsync("slack:Ev1", CancellationToken.None));
        Assert.False(await log.HasSeenAsync("slack:Ev2", CancellationToken.None));
        Assert.False(await log.HasSeenAsync("slack:Ev3", CancellationToken.None));
        Assert.True(await log.TryRecordAsync("slack:Ev3", CancellationToken.None));
        Assert.True(await log.HasSeenAsync("slack:Ev3", CancellationToken.None));
    }
}

public sealed class SqliteVoteRedeliveryTests() : VoteRedeliveryContractTests(SqlDialect.Sqlite);

public sealed class PostgresVoteRedeliveryTests() : VoteRedeliveryContractTests(SqlDialect.Postgres);
