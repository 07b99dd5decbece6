using System.Globalization;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Knowledge.Feedback;
using PolicyBot.Core.Polls;
using PolicyBot.Storage.Commands;
using PolicyBot.Storage.Infrastructure;
using PolicyBot.Storage.Knowledge;
using PolicyBot.Storage.Polls;
using PolicyBot.Storage.Retention;
using PolicyBot.Storage.Scheduling;
using PolicyBot.Storage.Tests.Infrastructure;

namespace PolicyBot.Storage.Tests.Retention;

/// <summary>
/// Retention on both databases: rows older than their table's retention go, younger rows stay, and a delivery id is
/// refused again until (and only until) it has outlived <see cref="RetentionOptions.DeliveryIds"/>.
/// </summary>
public abstract class RetentionContractTests(SqlDialect dialect)
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-03-01T12:00:00Z", CultureInfo.InvariantCulture);
    private static readonly ConversationRef Channel = new(Platforms.Discord, "chan-1");

    // Small batches, so every prune below takes several statements.
    private static readonly RetentionOptions Retention = new() { BatchSize = 10 };

    private readonly FakeTimeProvider _clock = new(Start);

    [SkippableFact]
    public async Task Command_delivery_ids_older_than_the_retention_go_and_younger_ones_stay()
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        var log = new SqlDeliveryLog(database.Connections, _clock);
        for (var i = 0; i < 25; i++)
        {
            await log.TryRecordAsync($"old-{i}", CancellationToken.None);
        }

        _clock.Advance(TimeSpan.FromHours(20));
        await log.TryRecordAsync("young", CancellationToken.None);
        _clock.Advance(TimeSpan.FromHours(5));

        Assert.Equal(25, await Sweep(database).PruneDeliveryIdsAsync(CancellationToken.None));
        Assert.Equal(["young"], await database.Connections.ColumnAsync("SELECT delivery_id FROM delivery_log"));
    }

    [SkippableFact]
    public async Task A_redelivered_command_is_refused_until_its_id_outlives_the_retention()
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        var log = new SqlDeliveryLog(database.Connections, _clock);
        var sweep = Sweep(database);
        Assert.True(await log.TryRecordAsync("evt-1", CancellationToken.None));

        // Inside the window a prune keeps the id: the retry is still refused.
        _clock.Advance(Retention.DeliveryIds - TimeSpan.FromMinutes(1));
        await sweep.PruneDeliveryIdsAsync(CancellationToken.None);
        Assert.False(await log.TryRecordAsync("evt-1", CancellationToken.None));

        // Past it, and only once pruned, the same id is new again: no platform retries this late.
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.False(await log.TryRecordAsync("evt-1", CancellationToken.None));
        Assert.Equal(1, await sweep.PruneDeliveryIdsAsync(CancellationToken.None));
        Assert.True(await log.TryRecordAsync("evt-1", CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_redelivered_vote_is_refused_until_its_id_outlives_the_retention_and_young_vote_ids_stay()
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        await using var writer = new VoteWriter(database.Connections, NullLogger<VoteWriter>.Instance);
        var store = new SqlPollStore(database.Connections, writer);
        var sweep = Sweep(database);
        var poll = await store.CreateAsync(Draft(), CancellationToken.None);
        for (var i = 0; i < 25; i++)
        {
            Assert.Equal(BallotOutcome.Recorded, await store.CastAsync(Ballot(poll, $"voter-{i}", 1, $"old-{i}"), CancellationToken.None));
        }

        Assert.Equal(BallotOutcome.Recorded, await store.CastAsync(Ballot(poll, "alice", 1, "alice-1"), CancellationToken.None));
        Assert.Equal(BallotOutcome.Recorded, await store.CastAsync(Ballot(poll, "alice", 2, "alice-2"), CancellationToken.None));

        // Inside the window: the retry of alice's first vote must not undo her second.
        _clock.Advance(Retention.DeliveryIds - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await sweep.PruneVoteDeliveriesAsync(CancellationToken.None));
        Assert.Equal(BallotOutcome.Duplicate, await store.CastAsync(Ballot(poll, "alice", 1, "alice-1"), CancellationToken.None));
        Assert.Equal(BallotOutcome.Recorded, await store.CastAsync(Ballot(poll, "bob", 1, "bob-1"), CancellationToken.None));

        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(27, await sweep.PruneVoteDeliveriesAsync(CancellationToken.None));
        Assert.Equal(["bob-1"], await database.Connections.ColumnAsync("SELECT delivery_id FROM poll_vote_deliveries"));
        var tally = await store.TallyAsync(poll.Id, 3, CancellationToken.None);
        Assert.Equal([26, 1, 0], tally.Counts.ToArray());
        Assert.Equal(27, tally.Voters);

        // Only now, its id pruned, would the same delivery be taken for a new vote.
        Assert.Equal(BallotOutcome.Recorded, await store.CastAsync(Ballot(poll, "alice", 1, "alice-1"), CancellationToken.None));
    }

    [SkippableFact]
    public async Task Answers_older_than_the_retention_go_with_their_votes_and_younger_ones_stay()
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        var store = new SqlAnswerFeedbackStore(database.Connections);
        for (var i = 0; i < 12; i++)
        {
            await store.RecordAnswerAsync(Answer($"old-{i}", _clock.GetUtcNow()), CancellationToken.None);
            await store.RecordVoteAsync($"old-{i}", "rater", helpful: false, _clock.GetUtcNow(), CancellationToken.None);
        }

        _clock.Advance(TimeSpan.FromDays(80));
        await store.RecordAnswerAsync(Answer("young", _clock.GetUtcNow()), CancellationToken.None);
        await store.RecordVoteAsync("young", "rater", helpful: false, _clock.GetUtcNow(), CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(11));

        Assert.Equal(12, await Sweep(database).PruneAnswersAsync(CancellationToken.None));
        Assert.Equal(["young"], await database.Connections.ColumnAsync("SELECT answer_id FROM answer_log"));
        Assert.Equal(["young"], await database.Connections.ColumnAsync("SELECT answer_id FROM answer_vote"));
    }

    [SkippableFact]
    public async Task Polls_closed_longer_than_the_retention_go_with_options_and_ballots_and_others_stay()
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        await using var writer = new VoteWriter(database.Connections, NullLogger<VoteWriter>.Instance);
        var store = new SqlPollStore(database.Connections, writer);
        var longClosed = await store.CreateAsync(Draft(), CancellationToken.None);
        var recentlyClosed = await store.CreateAsync(Draft(), CancellationToken.None);
        var open = await store.CreateAsync(Draft(), CancellationToken.None);
        foreach (var poll in new[] { longClosed, recentlyClosed, open })
        {
            for (var i = 0; i < 25; i++)
            {
                await store.CastAsync(Ballot(poll, $"voter-{i}", 1 + (i % 3), $"{poll.Id}-{i}"), CancellationToken.None);
            }
        }

        await store.CloseAsync(longClosed.Id, _clock.GetUtcNow(), CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(170));
        await store.CloseAsync(recentlyClosed.Id, _clock.GetUtcNow(), CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(11));

        Assert.Equal(1, await Sweep(database).PruneClosedPollsAsync(CancellationToken.None));

        Assert.Null(await store.GetAsync(longClosed.Id, CancellationToken.None));
        Assert.Equal(0, await database.Connections.CountAsync("SELECT count(*) FROM poll_ballots WHERE poll_id = @id", longClosed.Id));
        Assert.Equal(0, await database.Connections.CountAsync("SELECT count(*) FROM poll_options WHERE poll_id = @id", longClosed.Id));
        Assert.Equal(0, await database.Connections.CountAsync("SELECT count(*) FROM poll_vote_deliveries WHERE poll_id = @id", longClosed.Id));
        foreach (var kept in new[] { recentlyClosed, open })
        {
            Assert.NotNull(await store.GetAsync(kept.Id, CancellationToken.None));
            Assert.Equal(25, (await store.TallyAsync(kept.Id, 3, CancellationToken.None)).Voters);
        }
    }

    [SkippableFact]
    public async Task Open_ended_polls_older_than_the_retention_are_closed_and_deleted_later_and_others_stay_open()
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        await using var writer = new VoteWriter(database.Connections, NullLogger<VoteWriter>.Instance);
        var store = new SqlPollStore(database.Connections, writer);
        var sweep = Sweep(database);

        // Made before every poll got a closing time: more than a batch of them, one with votes, one closed by its creator.
        var old = new List<Poll>();
        for (var i = 0; i < 12; i++)
        {
            old.Add(await store.CreateAsync(Draft(), CancellationToken.None));
        }

        await store.CastAsync(Ballot(old[0], "voter", 1, "old-vote"), CancellationToken.None);
        var closedByCreator = await store.CreateAsync(Draft(), CancellationToken.None);
        var creatorClosedAt = _clock.GetUtcNow();
        await store.CloseAsync(closedByCreator.Id, creatorClosedAt, CancellationToken.None);
        var withClosingTime = await store.CreateAsync(Draft() with { ClosesAt = _clock.GetUtcNow().AddDays(60) }, CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(20));
        var recent = await store.CreateAsync(Draft(), CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(11));
        var sweptAt = _clock.GetUtcNow();

        Assert.Equal(12, await sweep.CloseStrandedPollsAsync(CancellationToken.None));
        Assert.Equal(0, await sweep.CloseStrandedPollsAsync(CancellationToken.None));

        foreach (var poll in old)
        {
            Assert.Equal(sweptAt, (await store.GetAsync(poll.Id, CancellationToken.None))!.ClosedAt);
        }

        Assert.Equal(BallotOutcome.PollClosed, await store.CastAsync(Ballot(old[1], "late", 1, "late-vote"), CancellationToken.None));
        Assert.Equal(1, (await store.TallyAsync(old[0].Id, 3, CancellationToken.None)).Voters);
        Assert.Equal(creatorClosedAt, (await store.GetAsync(closedByCreator.Id, CancellationToken.None))!.ClosedAt);
        Assert.Null((await store.GetAsync(withClosingTime.Id, CancellationToken.None))!.ClosedAt);
        Assert.Null((await store.GetAsync(recent.Id, CancellationToken.None))!.ClosedAt);

        // Closed, they now fall to the closed-poll retention like any other.
        _clock.Advance(Retention.ClosedPolls + TimeSpan.FromMinutes(1));
        Assert.Equal(13, await sweep.PruneClosedPollsAsync(CancellationToken.None));
        foreach (var poll in old)
        {
            Assert.Null(await store.GetAsync(poll.Id, CancellationToken.None));
        }
    }

    [SkippableFact]
    public async Task Polls_a_day_past_their_closing_time_with_no_close_job_are_closed_then_and_others_are_left_to_their_job()
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        await using var writer = new VoteWriter(database.Connections, NullLogger<VoteWriter>.Instance);
        var store = new SqlPollStore(database.Connections, writer);
        var jobs = new SqlDueJobStore(database.Connections, _clock);
        var sweep = Sweep(database);
        var closesAt = _clock.GetUtcNow().AddHours(2);

        // More than a batch whose close job was never scheduled (the process died in between), one with votes.
        var stranded = new List<Poll>();
        for (var i = 0; i < 12; i++)
        {
            stranded.Add(await store.CreateAsync(Draft() with { ClosesAt = closesAt }, CancellationToken.None));
        }

        await store.CastAsync(Ballot(stranded[0], "voter", 1, "stranded-vote"), CancellationToken.None);

        // Its job still pending (the bot was down): the job will close it, post the results and redraw the card.
        var withJob = await store.CreateAsync(Draft() with { ClosesAt = closesAt }, CancellationToken.None);
        await jobs.ScheduleAsync(PollService.CloseJobKind, PollService.JobKey(withJob.Id), CloseJobPayload.Serialize(withJob.Id), closesAt, CancellationToken.None);
        var closingLater = await store.CreateAsync(Draft() with { ClosesAt = closesAt.AddDays(3) }, CancellationToken.None);

        // Just past the grace nothing is closed yet: a close job late by seconds (or hours) keeps its poll.
        _clock.Advance(closesAt - _clock.GetUtcNow() + RetentionOptions.OverduePollGrace - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await sweep.CloseStrandedPollsAsync(CancellationToken.None));
        _clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(12, await sweep.CloseStrandedPollsAsync(CancellationToken.None));
        Assert.Equal(0, await sweep.CloseStrandedPollsAsync(CancellationToken.None));

        // Closed when votes stopped counting, as the job would have; then deleted ClosedPolls after that.
        foreach (var poll in stranded)
        {
            Assert.Equal(closesAt, (await store.GetAsync(poll.Id, CancellationToken.None))!.ClosedAt);
        }

        Assert.Equal(1, (await store.TallyAsync(stranded[0].Id, 3, CancellationToken.None)).Voters);
        Assert.Null((await store.GetAsync(withJob.Id, CancellationToken.None))!.ClosedAt);
        Assert.Null((await store.GetAsync(closingLater.Id, CancellationToken.None))!.ClosedAt);
        _clock.Advance(Retention.ClosedPolls - RetentionOptions.OverduePollGrace);
        Assert.Equal(12, await sweep.PruneClosedPollsAsync(CancellationToken.None));
        Assert.NotNull(await store.GetAsync(withJob.Id, CancellationToken.None));
    }

    private RetentionSweep Sweep(TestDatabase database) => new(database.Connections, Options.Create(Retention), _clock);

    private Ballot Ballot(Poll poll, string user, int option, string deliveryId) => new(poll.Id, user, [option], deliveryId, _clock.GetUtcNow());

    private PollDraft Draft() =>
        new("What should Washington offer first?", ["Lift sanctions", "Cancel drills", "Nuclear freeze"], 1, false, false, "creator", Channel, _clock.GetUtcNow(), null);

    private static AnswerRecord Answer(string id, DateTimeOffset at) => new(id, "Is the deadline meaningful?", "north-korea-talks", false, 3, Channel, "asker", at);
}

public sealed class SqliteRetentionTests() : RetentionContractTests(SqlDialect.Sqlite);

public sealed class PostgresRetentionTests() : RetentionContractTests(SqlDialect.Postgres);

internal static class RetentionQueries
{
    public static async Task<string[]> ColumnAsync(this IDbConnectionFactory connections, string sql)
    {
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<string>(sql)).Order(StringComparer.Ordinal).ToArray();
    }

    public static async Task<long> CountAsync(this IDbConnectionFactory connections, string sql, long id)
    {
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>(sql, new { id });
    }
}
