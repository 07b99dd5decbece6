using PolicyBot.Core.Chat;
using PolicyBot.Core.Knowledge.Feedback;
using PolicyBot.Storage.Infrastructure;
using PolicyBot.Storage.Knowledge;
using PolicyBot.Storage.Tests.Infrastructure;

namespace PolicyBot.Storage.Tests.Knowledge;

/// <summary>The same feedback contract on SQLite and PostgreSQL.</summary>
public abstract class AnswerFeedbackStoreContractTests(SqlDialect dialect)
{
    private static readonly DateTimeOffset Noon = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ConversationRef Channel = new(Platforms.Discord, "c-1", "t-1");

    [SkippableFact]
    public async Task Unhelpful_answers_are_listed_with_their_counts_worst_first()
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        var store = new SqlAnswerFeedbackStore(database.Connections);
        await store.RecordAnswerAsync(Record("a1", "Is the deadline meaningful?", declined: false, paragraph: 8, Noon), CancellationToken.None);
        await store.RecordAnswerAsync(Record("a2", "What about Iran?", declined: true, paragraph: null, Noon.AddMinutes(1)), CancellationToken.None);
        await store.RecordAnswerAsync(Record("a3", "Good answer?", declined: false, paragraph: 5, Noon.AddMinutes(2)), CancellationToken.None);

        Assert.True(await store.RecordVoteAsync("a1", "u1", helpful: false, Noon, CancellationToken.None));
        Assert.True(await store.RecordVoteAsync("a2", "u1", helpful: false, Noon, CancellationToken.None));
        Assert.True(await store.RecordVoteAsync("a2", "u2", helpful: false, Noon, CancellationToken.None));
        Assert.True(await store.RecordVoteAsync("a2", "u3", helpful: true, Noon, CancellationToken.None));
        Assert.True(await store.RecordVoteAsync("a3", "u1", helpful: true, Noon, CancellationToken.None));

        var unhelpful = await store.ListUnhelpfulAsync(10, CancellationToken.None);

        Assert.Equal(["a2", "a1"], unhelpful.Select(a => a.AnswerId));
        var worst = unhelpful[0];
        Assert.Equal("What about Iran?", worst.Question);
        Assert.True(worst.Declined);
        Assert.Null(worst.PrimaryParagraph);
        Assert.Equal((1, 2), (worst.Helpful, worst.NotHelpful));
        Assert.Equal(Noon.AddMinutes(1), worst.AskedAt);
        Assert.Equal((8, "north-korea-talks", false), (unhelpful[1].PrimaryParagraph!.Value, unhelpful[1].ArticleSlug, unhelpful[1].Declined));
    }

    [SkippableFact]
    public async Task A_second_vote_by_the_same_member_replaces_the_first()
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        var store = new SqlAnswerFeedbackStore(database.Connections);
        await store.RecordAnswerAsync(Record("a1", "Q?", declined: false, paragraph: 1, Noon), CancellationToken.None);

        await store.RecordVoteAsync("a1", "u1", helpful: false, Noon, CancellationToken.None);
        Assert.Single(await store.ListUnhelpfulAsync(10, CancellationToken.None));

        await store.RecordVoteAsync("a1", "u1", helpful: true, Noon.AddSeconds(5), CancellationToken.None);
        Assert.Empty(await store.ListUnhelpfulAsync(10, CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_vote_on_an_unknown_answer_is_refused()
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        var store = new SqlAnswerFeedbackStore(database.Connections);

        Assert.False(await store.RecordVoteAsync("0000000000000000", "u1", helpful: false, Noon, CancellationToken.None));
        Assert.Empty(await store.ListUnhelpfulAsync(10, CancellationToken.None));
    }

    [SkippableFact]
    public async Task The_limit_is_respected_and_concurrent_votes_all_count()
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        var store = new SqlAnswerFeedbackStore(database.Connections);
        for (var i = 0; i < 3; i++)
        {
            await store.RecordAnswerAsync(Record($"a{i}", $"Q{i}?", declined: true, paragraph: null, Noon.AddMinutes(i)), CancellationToken.None);
        }

        await Task.WhenAll(Enumerable.Range(0, 12).Select(u => Task.Run(() => store.RecordVoteAsync("a0", $"u{u}", helpful: false, Noon, CancellationToken.None))));
        await store.RecordVoteAsync("a1", "u1", helpful: false, Noon, CancellationToken.None);
        await store.RecordVoteAsync("a2", "u1", helpful: false, Noon, CancellationToken.None);

        var top = await store.ListUnhelpfulAsync(2, CancellationToken.None);

        Assert.Equal(2, top.Count);
        Assert.Equal(("a0", 12), (top[0].AnswerId, top[0].NotHelpful));
        Assert.Equal("a2", top[1].AnswerId); // equal counts: newest first
    }

    private static AnswerRecord Record(string id, string question, bool declined, int? paragraph, DateTimeOffset at) =>
        new(id, question, declined ? null : "north-korea-talks", declined, paragraph, Channel, "asker", at);
}

public sealed class SqliteAnswerFeedbackStoreTests() : AnswerFeedbackStoreContractTests(SqlDialect.Sqlite);

public sealed class PostgresAnswerFeedbackStoreTests() : AnswerFeedbackStoreContractTests(SqlDialect.Postgres);
