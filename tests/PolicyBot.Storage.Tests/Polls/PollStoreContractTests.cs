using System.Collections.Immutable;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Polls;
using PolicyBot.Storage.Infrastructure;
using PolicyBot.Storage.Polls;
using PolicyBot.Storage.Tests.Infrastructure;

namespace PolicyBot.Storage.Tests.Polls;

/// <summary>The poll store's contract on both databases: one ballot per user, nothing after closing, a delivery counts once.</summary>
public abstract class PollStoreContractTests(SqlDialect dialect)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-03-01T12:00:00Z", CultureInfo.InvariantCulture);
    private static readonly ConversationRef Channel = new(Platforms.Discord, "chan-1");
    private int _deliveries;

    [SkippableFact]
    public async Task A_created_poll_reads_back_with_its_options_in_order()
    {
        await using var fixture = await Fixture.CreateAsync(dialect);
        var created = await fixture.Store.CreateAsync(Draft(maxChoices: 2, anonymous: true, hidden: true, closesAt: Now.AddDays(3)), CancellationToken.None);

        var read = await fixture.Store.GetAsync(created.Id, CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(new[] { "Lift sanctions", "Cancel drills", "Nuclear freeze" }, read.Options.ToArray());
        Assert.Equal(2, read.MaxChoices);
        Assert.True(read.Anonymous);
        Assert.True(read.HiddenResults);
        Assert.Equal(Now.AddDays(3), read.ClosesAt);
        Assert.Equal(Now, read.CreatedAt);
        Assert.Null(read.ClosedAt);
        Assert.Equal(Channel, read.Conversation);
        Assert.Null(await fixture.Store.GetAsync(created.Id + 1000, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Only_a_poll_whose_card_was_never_posted_can_be_deleted_and_its_ballots_go_with_it()
    {
        await using var fixture = await Fixture.CreateAsync(dialect);
        var unposted = await fixture.Store.CreateAsync(Draft(), CancellationToken.None);
        var posted = await fixture.Store.CreateAsync(Draft(), CancellationToken.None);
        await fixture.Store.SetCardMessageAsync(posted.Id, "m-1", CancellationToken.None);
        await Cast(fixture, unposted, "alice", 1);

        Assert.True(await fixture.Store.DeleteUnpostedAsync(unposted.Id, CancellationToken.None));
        Assert.False(await fixture.Store.DeleteUnpostedAsync(unposted.Id, CancellationToken.None));
        Assert.False(await fixture.Store.DeleteUnpostedAsync(posted.Id, CancellationToken.None));

        Assert.Null(await fixture.Store.GetAsync(unposted.Id, CancellationToken.None));
        Assert.Equal(0, (await fixture.Store.TallyAsync(unposted.Id, 3, CancellationToken.None)).Voters);
        Assert.NotNull(await fixture.Store.GetAsync(posted.Id, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Voting_again_replaces_the_ballot()
    {
        await using var fixture = await Fixture.CreateAsync(dialect);
        var poll = await fixture.Store.CreateAsync(Draft(), CancellationToken.None);

        Assert.Equal(BallotOutcome.Recorded, await Cast(fixture, poll, "alice", 1));
        Assert.Equal(BallotOutcome.Recorded, await Cast(fixture, poll, "alice", 3));
        Assert.Equal(BallotOutcome.Recorded, await Cast(fixture, poll, "bob", 3));

        var tally = await fixture.Store.TallyAsync(poll.Id, 3, CancellationToken.None);
        Assert.Equal(new[] { 0, 0, 2 }, tally.Counts.ToArray());
        Assert.Equal(2, tally.Voters);
    }

    [SkippableFact]
    public async Task A_multi_choice_ballot_is_a_set_that_a_new_ballot_replaces_whole()
    {
        await using var fixture = await Fixture.CreateAsync(dialect);
        var poll = await fixture.Store.CreateAsync(Draft(maxChoices: 3), CancellationToken.None);

        await Cast(fixture, poll, "alice", 1, 2, 3);
        await Cast(fixture, poll, "alice", 2);
        await Cast(fixture, poll, "bob", 1, 2);

        var tally = await fixture.Store.TallyAsync(poll.Id, 3, CancellationToken.None);
        Assert.Equal(new[] { 1, 2, 0 }, tally.Counts.ToArray());
        Assert.Equal(2, tally.Voters);
        var ballots = await fixture.Store.ListBallotsAsync(poll.Id, CancellationToken.None);
        Assert.Equal(new[] { 2 }, ballots.Single(b => b.UserId == "alice").Options.ToArray());
        Assert.Equal(new[] { 1, 2 }, ballots.Single(b => b.UserId == "bob").Options.ToArray());
    }

    [SkippableFact]
    public async Task Withdrawing_removes_the_ballot_once()
    {
        await using var fixture = await Fixture.CreateAsync(dialect);
        var poll = await fixture.Store.CreateAsync(Draft(), CancellationToken.None);
        await Cast(fixture, poll, "alice", 2);

        Assert.Equal(BallotOutcome.Withdrawn, await Cast(fixture, poll, "alice"));
        Assert.Equal(BallotOutcome.NothingToWithdraw, await Cast(fixture, poll, "alice"));

        var tally = await fixture.Store.TallyAsync(poll.Id, 3, CancellationToken.None);
        Assert.Equal(new[] { 0, 0, 0 }, tally.Counts.ToArray());
        Assert.Equal(0, tally.Voters);
    }

    [SkippableFact]
    public async Task Ballots_queued_together_keep_their_order_a_repeat_is_a_duplicate_and_a_withdrawal_undoes_the_vote_before_it()
    {
        await using var fixture = await Fixture.CreateAsync(dialect);
        var poll = await fixture.Store.CreateAsync(Draft(), CancellationToken.None);

        // Queued without waiting, so they usually share one batch (one pipelined round trip on PostgreSQL); the outcomes
        // must be those of applying them one by one, whatever the batching.
        Ballot[] ballots =
        [
            new(poll.Id, "alice", [1], "burst-1", Now),
            new(poll.Id, "alice", [1], "burst-1", Now),
            new(poll.Id, "alice", [], "burst-2", Now),
            new(poll.Id, "alice", [], "burst-3", Now),
            new(poll.Id, "bob", [2], "burst-4", Now),
            new(poll.Id, "bob", [3], "burst-5", Now),
        ];
        var outcomes = await Task.WhenAll(ballots.Select(b => fixture.Store.CastAsync(b, CancellationToken.None)).ToArray());

        Assert.Equal(
            [BallotOutcome.Recorded, BallotOutcome.Duplicate, BallotOutcome.Withdrawn, BallotOutcome.NothingToWithdraw, BallotOutcome.Recorded, BallotOutcome.Recorded],
            outcomes);
        var tally = await fixture.Store.TallyAsync(poll.Id, 3, CancellationToken.None);
        Assert.Equal(new[] { 0, 0, 1 }, tally.Counts.ToArray());
    }

    // The cases below apply their ballots as ONE batch (one transaction; one statement on PostgreSQL), so the in-batch
    // semantics are pinned whatever the timing: the outcome and what is stored are those of applying them one by one.

    [SkippableFact]
    public async Task In_one_batch_the_later_ballot_of_a_member_wins()
    {
        await using var fixture = await Fixture.CreateAsync(dialect);
        var poll = await fixture.Store.CreateAsync(Draft(maxChoices: 2), CancellationToken.None);
        await Cast(fixture, poll, "alice", 1);

        var outcomes = await fixture.Writer.WriteTogetherAsync(
        [
            new(poll.Id, "alice", [2], "b-1", Now), new(poll.Id, "bob", [1], "b-2", Now), new(poll.Id, "alice", [3], "b-3", Now),
            new(poll.Id, "bob", [1, 2], "b-4", Now), new(poll.Id, "carol", [3], "b-5", Now),
        ]);

        Assert.All(outcomes, o => Assert.Equal(BallotOutcome.Recorded, o));
        Assert.Equal(
            new Dictionary<string, int[]> { ["alice"] = [3], ["bob"] = [1, 2], ["carol"] = [3] },
            await BallotsAsync(fixture, poll));
    }

    [SkippableFact]
    public async Task In_one_batch_a_withdrawal_after_a_vote_withdraws_and_reports_what_was_there_at_its_place()
    {
        await using var fixture = await Fixture.CreateAsync(dialect);
        var poll = await fixture.Store.CreateAsync(Draft(), CancellationToken.None);
        await Cast(fixture, poll, "dora", 2); // stored before the batch

        var outcomes = await fixture.Writer.WriteTogetherAsync(
        [
            new(poll.Id, "alice", [1], "w-1", Now), new(poll.Id, "alice", [], "w-2", Now), new(poll.Id, "alice", [], "w-3", Now),
            new(poll.Id, "bob", [], "w-4", Now), new(poll.Id, "bob", [2], "w-5", Now),
            new(poll.Id, "carol", [1], "w-6", Now), new(poll.Id, "carol", [], "w-7", Now), new(poll.Id, "carol", [3], "w-8", Now),
            new(poll.Id, "dora", [], "w-9", Now), new(poll.Id, "dora", [1], "w-10", Now), new(poll.Id, "dora", [], "w-11", Now),
        ]);

        Assert.Equal(
        [
            BallotOutcome.Recorded, BallotOutcome.Withdrawn, BallotOutcome.NothingToWithdraw,
            BallotOutcome.NothingToWithdraw, BallotOutcome.Recorded,
            BallotOutcome.Recorded, BallotOutcome.Withdrawn, BallotOutcome.Recorded,
            BallotOutcome.Withdrawn, BallotOutcome.Recorded, BallotOutcome.Withdrawn,
        ],
        outcomes);
        Assert.Equal(new Dictionary<string, int[]> { ["bob"] = [2], ["carol"] = [3] }, await BallotsAsync(fixture, poll));
    }

    [SkippableFact]
    public async Task In_one_batch_a_delivery_id_seen_before_changes_nothing()
    {
        await using var fixture = await Fixture.CreateAsync(dialect);
        var poll = await fixture.Store.CreateAsync(Draft(), CancellationToken.None);
        Assert.Equal(BallotOutcome.Recorded, await fixture.Store.CastAsync(new(poll.Id, "alice", [1], "d-1", Now), CancellationToken.None));
        Assert.Equal(BallotOutcome.Recorded, await fixture.Store.CastAsync(new(poll.Id, "bob", [1], "d-2", Now), CancellationToken.None));

        var outcomes = await fixture.Writer.WriteTogetherAsync(
        [
            new(poll.Id, "alice", [3], "d-1", Now),  // seen in an earlier batch, even with other options
            new(poll.Id, "bob", [], "d-2", Now),     // a repeated id does not withdraw either
            new(poll.Id, "carol", [2], "d-3", Now),
            new(poll.Id, "carol", [3], "d-3", Now),  // repeated within the batch: the first one counts
            new(poll.Id, "dave", [2], "d-4", Now),
            new(poll.Id, "dave", [], "d-4", Now),
        ]);

        Assert.Equal(
        [
            BallotOutcome.Duplicate, BallotOutcome.Duplicate, BallotOutcome.Recorded, BallotOutcome.Duplicate,
            BallotOutcome.Recorded, BallotOutcome.Duplicate,
        ],
        outcomes);
        Assert.Equal(
            new Dictionary<string, int[]> { ["alice"] = [1], ["bob"] = [1], ["carol"] = [2], ["dave"] = [2] },
            await BallotsAsync(fixture, poll));
    }

    [SkippableFact]
    public async Task A_closed_poll_and_a_poll_past_its_closing_time_refuse_votes()
    {
        await using var fixture = await Fixture.CreateAsync(dialect);
        var closedByHand = await fixture.Store.CreateAsync(Draft(), CancellationToken.None);
        var timedOut = await fixture.Store.CreateAsync(Draft(closesAt: Now.AddHours(1)), CancellationToken.None);
        await Cast(fixture, closedByHand, "alice", 1);

        Assert.True(await fixture.Store.CloseAsync(closedByHand.Id, Now, CancellationToken.None));
        Assert.False(await fixture.Store.CloseAsync(closedByHand.Id, Now, CancellationToken.None));

        Assert.Equal(BallotOutcome.PollClosed, await Cast(fixture, closedByHand, "alice", 2));
        Assert.Equal(BallotOutcome.PollClosed, await Cast(fixture, closedByHand, "alice"));
        Assert.Equal(BallotOutcome.Recorded, await Cast(fixture, timedOut, "bob", 1, at: Now.AddMinutes(59)));
        Assert.Equal(BallotOutcome.PollClosed, await Cast(fixture, timedOut, "carol", 1, at: Now.AddHours(1)));
        Assert.Equal(BallotOutcome.PollNotFound, await Cast(fixture, closedByHand with { Id = 999_999 }, "alice", 1));

        Assert.Equal(new[] { 1, 0, 0 }, (await fixture.Store.TallyAsync(closedByHand.Id, 3, CancellationToken.None)).Counts.ToArray());
        Assert.Equal(1, (await fixture.Store.TallyAsync(timedOut.Id, 3, CancellationToken.None)).Voters);
        Assert.Equal(Now, (await fixture.Store.GetAsync(closedByHand.Id, CancellationToken.None))!.ClosedAt);
    }

    [SkippableFact]
    public async Task The_same_delivery_counts_once_even_after_a_later_vote()
    {
        await using var fixture = await Fixture.CreateAsync(dialect);
        var poll = await fixture.Store.CreateAsync(Draft(), CancellationToken.None);
        var first = new Ballot(poll.Id, "alice", [1], "evt-1", Now);

        Assert.Equal(BallotOutcome.Recorded, await fixture.Store.CastAsync(first, CancellationToken.None));
        Assert.Equal(BallotOutcome.Duplicate, await fixture.Store.CastAsync(first, CancellationToken.None));
        Assert.Equal(BallotOutcome.Recorded, await fixture.Store.CastAsync(new Ballot(poll.Id, "alice", [2], "evt-2", Now), CancellationToken.None));
        Assert.Equal(BallotOutcome.Duplicate, await fixture.Store.CastAsync(first, CancellationToken.None));

        Assert.Equal(new[] { 0, 1, 0 }, (await fixture.Store.TallyAsync(poll.Id, 3, CancellationToken.None)).Counts.ToArray());
    }

    [SkippableFact]
    public async Task The_schema_itself_refuses_a_second_ballot_and_an_empty_one()
    {
        await using var fixture = await Fixture.CreateAsync(dialect);
        var poll = await fixture.Store.CreateAsync(Draft(maxChoices: 3), CancellationToken.None);
        await Cast(fixture, poll, "alice", 1);
        await using var connection = await fixture.Database.Connections.OpenAsync(CancellationToken.None);

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => connection.ExecuteAsync(
            "INSERT INTO poll_ballots (poll_id, user_id, choices, cast_at, delivery_id) VALUES (@Id, 'alice', 2, 0, 'x')", new { poll.Id }));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => connection.ExecuteAsync(
            "INSERT INTO poll_ballots (poll_id, user_id, choices, cast_at, delivery_id) VALUES (@Id, 'bob', 0, 0, 'y')", new { poll.Id }));
    }

    [SkippableFact]
    public async Task Options_the_poll_does_not_have_or_too_many_are_refused()
    {
        await using var fixture = await Fixture.CreateAsync(dialect);
        var poll = await fixture.Store.CreateAsync(Draft(maxChoices: 2), CancellationToken.None);

        Assert.Equal(BallotOutcome.InvalidOptions, await Cast(fixture, poll, "alice", 4));
        Assert.Equal(BallotOutcome.InvalidOptions, await Cast(fixture, poll, "alice", 0));
        Assert.Equal(BallotOutcome.InvalidOptions, await Cast(fixture, poll, "alice", 1, 2, 3));
        Assert.Equal(0, (await fixture.Store.TallyAsync(poll.Id, 3, CancellationToken.None)).Voters);
    }

    [SkippableFact]
    public async Task A_ballot_the_database_refuses_fails_alone_and_its_batch_neighbours_are_still_written()
    {
        await using var fixture = await Fixture.CreateAsync(dialect);
        var poll = await fixture.Store.CreateAsync(Draft(), CancellationToken.None);

        // A 300-character user id breaks a CHECK constraint; platforms never send one, so this stands in for any database error.
        var writes = Enumerable.Range(0, 50)
            .Select(i => fixture.Store.CastAsync(new Ballot(poll.Id, i == 25 ? new string('u', 300) : $"user-{i}", [1], $"evt-{i}", Now), CancellationToken.None))
            .ToArray();
        var results = await Task.WhenAll(writes.Select(async w =>
        {
            try
            {
                return await w;
            }
            catch (System.Data.Common.DbException)
            {
                return (BallotOutcome?)null;
            }
        }));

        Assert.Single(results, r => r is null);
        Assert.Equal(49, (await fixture.Store.TallyAsync(poll.Id, 3, CancellationToken.None)).Counts[0]);
    }

    [SkippableFact]
    public async Task Open_polls_are_listed_per_channel_newest_first()
    {
        await using var fixture = await Fixture.CreateAsync(dialect);
        var older = await fixture.Store.CreateAsync(Draft(), CancellationToken.None);
        var newer = await fixture.Store.CreateAsync(Draft(), CancellationToken.None);
        var closed = await fixture.Store.CreateAsync(Draft(), CancellationToken.None);
        await fixture.Store.CreateAsync(Draft() with { Conversation = new ConversationRef(Platforms.Discord, "other") }, CancellationToken.None);
        await fixture.Store.CloseAsync(closed.Id, Now, CancellationToken.None);

        var open = await fixture.Store.ListOpenAsync(Channel, 10, CancellationToken.None);

        Assert.Equal(new[] { newer.Id, older.Id }, open.Select(p => p.Id));
        Assert.All(open, p => Assert.Equal(3, p.Options.Length));
    }

    [SkippableFact]
    public async Task The_card_message_and_the_posted_result_are_remembered()
    {
        await using var fixture = await Fixture.CreateAsync(dialect);
        var poll = await fixture.Store.CreateAsync(Draft(), CancellationToken.None);

        await fixture.Store.SetCardMessageAsync(poll.Id, "msg-42", CancellationToken.None);
        Assert.True(await fixture.Store.MarkResultsPostedAsync(poll.Id, CancellationToken.None));
        Assert.False(await fixture.Store.MarkResultsPostedAsync(poll.Id, CancellationToken.None));

        var read = await fixture.Store.GetAsync(poll.Id, CancellationToken.None);
        Assert.Equal(new MessageRef(Channel, "msg-42"), read!.CardMessage);
        Assert.True(read.ResultsPosted);
    }

    [SkippableFact]
    public async Task A_thousand_concurrent_voters_voting_several_times_leave_exactly_their_last_ballots()
    {
        await using var fixture = await Fixture.CreateAsync(dialect);
        var poll = await fixture.Store.CreateAsync(Draft(maxChoices: 2) with { Options = ["A", "B", "C", "D", "E"] }, CancellationToken.None);
        const int Voters = 1000;
        const int VotesEach = 4;

        var lastBallots = await Task.WhenAll(Enumerable.Range(0, Voters).Select(voter => Task.Run(async () =>
        {
            var random = new Random(voter);
            Ballot? last = null;
            for (var vote = 0; vote < VotesEach; vote++)
            {
                var options = Enumerable.Range(1, 5).OrderBy(_ => random.Next()).Take(random.Next(1, 3)).Order().ToImmutableArray();
                var ballot = new Ballot(poll.Id, $"voter-{voter}", options, $"evt-{voter}-{vote}", Now);
                Assert.Equal(BallotOutcome.Recorded, await fixture.Store.CastAsync(ballot, CancellationToken.None));

                // A platform retry of an earlier delivery must change nothing.
                if (last is not null && random.Next(2) == 0)
                {
                    Assert.Equal(BallotOutcome.Duplicate, await fixture.Store.CastAsync(last, CancellationToken.None));
                }

                last = ballot;
            }

            return last!;
        })));

        var tally = await fixture.Store.TallyAsync(poll.Id, 5, CancellationToken.None);
        var expected = Enumerable.Range(1, 5).Select(option => lastBallots.Count(b => b.Options.Contains(option))).ToArray();
        Assert.Equal(expected, tally.Counts.ToArray());
        Assert.Equal(Voters, tally.Voters);
        var stored = (await fixture.Store.ListBallotsAsync(poll.Id, CancellationToken.None)).ToDictionary(b => b.UserId, b => b.Options.ToArray());
        Assert.All(lastBallots, b => Assert.Equal(b.Options.ToArray(), stored[b.UserId].ToArray()));

        // Group commit: concurrent votes shared transactions instead of one commit each.
        Assert.True(fixture.Writer.Batches < fixture.Writer.Ballots / 2, $"{fixture.Writer.Batches} commits for {fixture.Writer.Ballots} ballots");
    }

    private static async Task<Dictionary<string, int[]>> BallotsAsync(Fixture fixture, Poll poll) =>
        (await fixture.Store.ListBallotsAsync(poll.Id, CancellationToken.None)).ToDictionary(b => b.UserId, b => b.Options.ToArray());

    private Task<BallotOutcome> Cast(Fixture fixture, Poll poll, string user, params int[] options) => Cast(fixture, poll, user, options, Now);

    private Task<BallotOutcome> Cast(Fixture fixture, Poll poll, string user, int option, DateTimeOffset at) => Cast(fixture, poll, user, [option], at);

    private Task<BallotOutcome> Cast(Fixture fixture, Poll poll, string user, int[] options, DateTimeOffset at) =>
        fixture.Store.CastAsync(new Ballot(poll.Id, user, [.. options], $"evt-{Interlocked.Increment(ref _deliveries)}", at), CancellationToken.None);

    private static PollDraft Draft(int maxChoices = 1, bool anonymous = false, bool hidden = false, DateTimeOffset? closesAt = null) =>
        new("What should Washington offer first?", ["Lift sanctions", "Cancel drills", "Nuclear freeze"], maxChoices, anonymous, hidden,
            "creator", Channel, Now, closesAt);

    private sealed class Fixture(TestDatabase database, VoteWriter writer) : IAsyncDisposable
    {
        public TestDatabase Database { get; } = database;

        public VoteWriter Writer { get; } = writer;

        public SqlPollStore Store { get; } = new(database.Connections, writer);

        public static async Task<Fixture> CreateAsync(SqlDialect dialect)
        {
            var database = await TestDatabases.CreateAsync(dialect);
            return new Fixture(database, new VoteWriter(database.Connections, NullLogger<VoteWriter>.Instance));
        }

        public async ValueTask DisposeAsync()
        {
            await Writer.DisposeAsync();
            await Database.DisposeAsync();
        }
    }
}

public sealed class SqlitePollStoreTests() : PollStoreContractTests(SqlDialect.Sqlite);

public sealed class PostgresPollStoreTests() : PollStoreContractTests(SqlDialect.Postgres);
