using System.Collections.Immutable;
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
using PolicyBot.Storage.Infrastructure;
using PolicyBot.Storage.Polls;
using PolicyBot.Storage.Tests.Infrastructure;

namespace PolicyBot.Storage.Tests.Polls;

/// <summary>
/// Two bot instances on one database, each with its own connection pool, vote writer, store and poll service (and so its
/// own poll cache): correctness must come from the database, not from anything held in one process.
/// </summary>
public abstract class TwoInstancePollTests(SqlDialect dialect)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-03-01T12:00:00Z", CultureInfo.InvariantCulture);
    private static readonly ConversationRef Channel = new(Platforms.Slack, "C1");

    [SkippableFact]
    public async Task Votes_through_two_instances_tally_exactly_the_last_ballots_and_a_retry_on_the_other_instance_counts_once()
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        await using var a = new Instance(database.Connections);
        await using var b = new Instance(database.ConnectAsAnotherInstance());
        var created = await a.Store.CreateAsync(
            new PollDraft("Which first?", ["A", "B", "C", "D"], 2, false, false, "creator", Channel, Now, null), CancellationToken.None);
        var pollOnA = (await a.Service.GetAsync(created.Id, CancellationToken.None))!;
        var pollOnB = (await b.Service.GetAsync(created.Id, CancellationToken.None))!;
        const int Voters = 200;
        const int VotesEach = 4;

        var lastBallots = await Task.WhenAll(Enumerable.Range(0, Voters).Select(voter => Task.Run(async () =>
        {
            var random = new Random(voter);
            var sender = new Sender($"U{voter}", $"Voter {voter}");
            (ImmutableArray<int> Options, string Delivery, bool OnA)? last = null;
            for (var vote = 0; vote < VotesEach; vote++)
            {
                var options = Enumerable.Range(1, 4).OrderBy(_ => random.Next()).Take(random.Next(1, 3)).Order().ToImmutableArray();
                var onA = random.Next(2) == 0;
                var delivery = $"evt-{voter}-{vote}";
                var (service, poll) = onA ? (a.Service, pollOnA) : (b.Service, pollOnB);
                Assert.Equal(BallotOutcome.Recorded, await service.VoteAsync(poll, sender, options, delivery, null, CancellationToken.None));

                // Slack retried an earlier delivery and the load balancer sent it to the other instance: nothing changes.
                if (last is { } earlier && random.Next(2) == 0)
                {
                    var (otherService, otherPoll) = earlier.OnA ? (b.Service, pollOnB) : (a.Service, pollOnA);
                    Assert.Equal(BallotOutcome.Duplicate,
                        await otherService.VoteAsync(otherPoll, sender, earlier.Options, earlier.Delivery, null, CancellationToken.None));
                }

                last = (options, delivery, onA);
            }

            return (User: sender.UserId, last!.Value.Options);
        })));

        var expected = Enumerable.Range(1, 4).Select(option => lastBallots.Count(l => l.Options.Contains(option))).ToArray();
        foreach (var instance in new[] { a, b })
        {
            var tally = await instance.Service.TallyAsync(pollOnA, CancellationToken.None);
            Assert.Equal(expected, tally.Counts.ToArray());
            Assert.Equal(Voters, tally.Voters);
        }

        var stored = (await b.Store.ListBallotsAsync(created.Id, CancellationToken.None)).ToDictionary(s => s.UserId, s => s.Options.ToArray());
        Assert.All(lastBallots, l => Assert.Equal(l.Options.ToArray(), stored[l.User]));
    }

    [SkippableFact]
    public async Task A_poll_closed_on_one_instance_refuses_votes_on_the_other_despite_its_cached_copy()
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        await using var a = new Instance(database.Connections);
        await using var b = new Instance(database.ConnectAsAnotherInstance());
        var created = await a.Store.CreateAsync(
            new PollDraft("Close me?", ["Yes", "No"], 1, false, false, "creator", Channel, Now, null), CancellationToken.None);
        var cachedOnB = (await b.Service.GetAsync(created.Id, CancellationToken.None))!;
        var voter = new Sender("U1", "Ada");
        Assert.Equal(BallotOutcome.Recorded, await b.Service.VoteAsync(cachedOnB, voter, [1], "evt-1", null, CancellationToken.None));

        Assert.True(await a.Service.CloseAsync((await a.Service.GetAsync(created.Id, CancellationToken.None))!, Now, cancelAutoClose: true, CancellationToken.None));

        Assert.Equal(BallotOutcome.PollClosed, await b.Service.VoteAsync(cachedOnB, voter, [2], "evt-2", null, CancellationToken.None));
        Assert.Equal(new[] { 1, 0 }, (await b.Service.TallyAsync(cachedOnB, CancellationToken.None)).Counts.ToArray());
    }

    [SkippableFact]
    public async Task A_hidden_poll_closed_early_on_one_instance_shows_its_results_and_refuses_votes_on_the_other_that_cached_it_open()
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        await using var a = new Instance(database.Connections);
        await using var b = new Instance(database.ConnectAsAnotherInstance());
        var creator = new Sender("creator", "Grace");
        var created = await a.Store.CreateAsync(
            new PollDraft("Close me early?", ["Yes", "No"], 1, false, true, creator.UserId, Channel, Now, Now.AddDays(1)), CancellationToken.None);
        var id = created.Id.ToString(CultureInfo.InvariantCulture);

        // B serves a vote and a results request while the poll is open, so B holds it as open (and before its closing time).
        Assert.False((await b.RunAsync(b.Vote, $"{id} 1", new Sender("U1", "Ada"))).IsError);
        Assert.Contains("hidden until it closes", (await b.RunAsync(b.Results, id, creator)).Text, StringComparison.Ordinal);

        // A closes it a day before its closing time; B is told nothing.
        Assert.False((await a.RunAsync(a.Close, id, creator)).IsError);

        // Read before any vote on B, which would learn of the close from the refused write.
        var resultsOnB = await b.RunAsync(b.Results, id, creator);
        var exportOnB = await b.RunAsync(b.Export, id, creator);
        var lateVoteOnB = await b.RunAsync(b.Vote, $"{id} 2", new Sender("U2", "Linus"));
        var lateVoteOnA = await a.RunAsync(a.Vote, $"{id} 2", new Sender("U3", "Barbara"));

        Assert.StartsWith("Final results", resultsOnB.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden", resultsOnB.Text, StringComparison.Ordinal);
        Assert.False(exportOnB.IsError, exportOnB.Text);
        Assert.All(new[] { lateVoteOnB, lateVoteOnA }, late =>
        {
            Assert.True(late.IsError);
            Assert.Contains("is closed", late.Text, StringComparison.Ordinal);
        });
        Assert.Equal(new[] { 1, 0 }, (await b.Store.TallyAsync(created.Id, 2, CancellationToken.None)).Counts.ToArray());
    }

    /// <summary>One bot process's poll stack on a connection factory of its own.</summary>
    private sealed class Instance : IAsyncDisposable
    {
        public Instance(IDbConnectionFactory connections)
        {
            Writer = new VoteWriter(connections, NullLogger<VoteWriter>.Instance);
            Store = new SqlPollStore(connections, Writer);
            var clock = new FakeTimeProvider(Now);
            Cards = new PollCardUpdater(Store, new ChatPlatformRegistry([]), clock, Options.Create(new PollOptions()),
                CommandSyntax.Default(), NullLogger<PollCardUpdater>.Instance);
            Service = new PollService(Store, Mock.Of<IDueJobStore>(), Cards, clock, Options.Create(new PollOptions()), NullLogger<PollService>.Instance);
            Vote = new VoteCommand(Service);
            Results = new ResultsCommand(Service);
            Export = new ExportPollCommand(Service);
            Close = new ClosePollCommand(Service);
        }

        public VoteWriter Writer { get; }

        public SqlPollStore Store { get; }

        public PollCardUpdater Cards { get; }

        public PollService Service { get; }

        public VoteCommand Vote { get; }

        public ResultsCommand Results { get; }

        public ExportPollCommand Export { get; }

        public ClosePollCommand Close { get; }

        public Task<Reply> RunAsync(ICommandHandler command, string arguments, Sender sender) =>
            command.HandleAsync(new CommandInvocation(command.Definition.Name, arguments, sender, Channel, $"evt-{Guid.NewGuid():N}"), CancellationToken.None);

        public async ValueTask DisposeAsync()
        {
            Cards.Dispose();
            await Writer.DisposeAsync();
        }
    }
}

public sealed class SqliteTwoInstancePollTests() : TwoInstancePollTests(SqlDialect.Sqlite);

public sealed class PostgresTwoInstancePollTests() : TwoInstancePollTests(SqlDialect.Postgres);
