using System.Collections.Immutable;
using System.Data.Common;
using Dapper;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Polls;
using PolicyBot.Storage.Infrastructure;

namespace PolicyBot.Storage.Polls;

/// <summary>Polls in SQLite or PostgreSQL (the same SQL for both). Ballots go through the group-committing <see cref="VoteWriter"/>.</summary>
public sealed class SqlPollStore(IDbConnectionFactory connections, VoteWriter votes) : IPollStore
{
    private const string PollColumns =
        "id AS Id, question AS Question, max_choices AS MaxChoices, anonymous AS Anonymous, hidden_results AS HiddenResults, " +
        "creator_id AS CreatorId, platform AS Platform, channel_id AS ChannelId, thread_id AS ThreadId, created_at AS CreatedAt, " +
        "closes_at AS ClosesAt, closed_at AS ClosedAt, card_message_id AS CardMessageId, results_posted AS ResultsPosted";

    public async Task<Poll> CreateAsync(PollDraft draft, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO polls (question, option_count, max_choices, anonymous, hidden_results, creator_id, platform, channel_id, thread_id, created_at, closes_at) " +
            "VALUES (@Question, @OptionCount, @MaxChoices, @Anonymous, @HiddenResults, @CreatorId, @Platform, @ChannelId, @ThreadId, @CreatedAt, @ClosesAt) RETURNING id",
            new
            {
                draft.Question,
                OptionCount = (long)draft.Options.Length,
                MaxChoices = (long)draft.MaxChoices,
                Anonymous = draft.Anonymous ? 1L : 0L,
                HiddenResults = draft.HiddenResults ? 1L : 0L,
                draft.CreatorId,
                draft.Conversation.Platform,
                draft.Conversation.ChannelId,
                draft.Conversation.ThreadId,
                CreatedAt = draft.CreatedAt.ToUnixTimeMilliseconds(),
                ClosesAt = draft.ClosesAt?.ToUnixTimeMilliseconds(),
            },
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO poll_options (poll_id, number, label) VALUES (@PollId, @Number, @Label)",
            draft.Options.Select((label, index) => new { PollId = id, Number = (long)index + 1, Label = label }),
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new Poll(id, draft.Question, draft.Options, draft.MaxChoices, draft.Anonymous, draft.HiddenResults, draft.CreatorId,
            draft.Conversation, FromMilliseconds(draft.CreatedAt.ToUnixTimeMilliseconds()), draft.ClosesAt is { } c ? FromMilliseconds(c.ToUnixTimeMilliseconds()) : null, null);
    }

    public async Task<Poll?> GetAsync(long pollId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        var polls = await ReadPollsAsync(connection, $"SELECT {PollColumns} FROM polls WHERE id = @pollId", new { pollId }, cancellationToken).ConfigureAwait(false);
        return polls.Count == 0 ? null : polls[0];
    }

    public async Task<IReadOnlyList<Poll>> ListOpenAsync(ConversationRef conversation, int max, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadPollsAsync(connection,
            $"SELECT {PollColumns} FROM polls WHERE platform = @Platform AND channel_id = @ChannelId AND closed_at IS NULL ORDER BY id DESC LIMIT @max",
            new { conversation.Platform, conversation.ChannelId, max = (long)max },
            cancellationToken).ConfigureAwait(false);
    }

    public Task<BallotOutcome> CastAsync(Ballot ballot, CancellationToken cancellationToken) => votes.WriteAsync(ballot, cancellationToken);

    public async Task<PollTally> TallyAsync(long pollId, int optionCount, CancellationToken cancellationToken)
    {
        // One statement over the ballots, so voters and counts come from the same snapshot.
        var sql = new System.Text.StringBuilder("SELECT count(*)");
        for (var bit = 0; bit < optionCount; bit++)
        {
            sql.Append(", coalesce(sum((choices >> ").Append(bit).Append(") & 1), 0)");
        }

        sql.Append(" FROM poll_ballots WHERE poll_id = @pollId");
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql.ToString(), new { pollId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);

        // PostgreSQL sums bigints as numeric; Convert reads either.
        var counts = new int[optionCount];
        for (var i = 0; i < optionCount; i++)
        {
            counts[i] = Convert.ToInt32(reader.GetValue(i + 1), System.Globalization.CultureInfo.InvariantCulture);
        }

        return new PollTally([.. counts], Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task<IReadOnlyList<BallotRecord>> ListBallotsAsync(long pollId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string UserId, long Choices, long CastAt)>(new CommandDefinition(
            "SELECT user_id, choices, cast_at FROM poll_ballots WHERE poll_id = @pollId ORDER BY cast_at, user_id",
            new { pollId },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new BallotRecord(r.UserId, ChoiceBits.ToOptions(r.Choices), FromMilliseconds(r.CastAt))).ToArray();
    }

    public async Task<bool> CloseAsync(long pollId, DateTimeOffset closedAt, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE polls SET closed_at = @closedAt WHERE id = @pollId AND closed_at IS NULL",
            new { pollId, closedAt = closedAt.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    public async Task SetCardMessageAsync(long pollId, string messageId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE polls SET card_message_id = @messageId WHERE id = @pollId",
            new { pollId, messageId },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<bool> DeleteUnpostedAsync(long pollId, CancellationToken cancellationToken)
    {
        // Options, ballots and vote deliveries go with it (ON DELETE CASCADE).
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM polls WHERE id = @pollId AND card_message_id IS NULL",
            new { pollId },
            cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    public async Task<bool> MarkResultsPostedAsync(long pollId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE polls SET results_posted = 1 WHERE id = @pollId AND results_posted = 0",
            new { pollId },
            cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    private async Task<IReadOnlyList<Poll>> ReadPollsAsync(DbConnection connection, string sql, object parameters, CancellationToken cancellationToken)
    {
        var rows = (await connection.QueryAsync<PollRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToArray();
        if (rows.Length == 0)
        {
            return [];
        }

        var options = (await connection.QueryAsync<(long PollId, long Number, string Label)>(new CommandDefinition(
            // Dapper expands a list for SQLite; Npgsql passes it as one array parameter.
            "SELECT poll_id, number, label FROM poll_options WHERE poll_id " +
            (connections.Dialect == SqlDialect.Postgres ? "= ANY(@ids)" : "IN @ids") + " ORDER BY poll_id, number",
            new { ids = rows.Select(r => r.Id).ToArray() },
            cancellationToken: cancellationToken)).ConfigureAwait(false))
            .ToLookup(o => o.PollId, o => o.Label);
        return rows.Select(r => r.ToPoll([.. options[r.Id]])).ToArray();
    }

    private static DateTimeOffset FromMilliseconds(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

    private sealed class PollRow
    {
        public long Id { get; init; }

        public string Question { get; init; } = string.Empty;

        public long MaxChoices { get; init; }

        public long Anonymous { get; init; }

        public long HiddenResults { get; init; }

        public string CreatorId { get; init; } = string.Empty;

        public string Platform { get; init; } = string.Empty;

        public string ChannelId { get; init; } = string.Empty;

        public string? ThreadId { get; init; }

        public long CreatedAt { get; init; }

        public long? ClosesAt { get; init; }

        public long? ClosedAt { get; init; }

        public string? CardMessageId { get; init; }

        public long ResultsPosted { get; init; }

        public Poll ToPoll(ImmutableArray<string> options) => new(
            Id, Question, options, (int)MaxChoices, Anonymous == 1, HiddenResults == 1, CreatorId,
            new ConversationRef(Platform, ChannelId, ThreadId), FromMilliseconds(CreatedAt),
            ClosesAt is { } closesAt ? FromMilliseconds(closesAt) : null,
            ClosedAt is { } closedAt ? FromMilliseconds(closedAt) : null,
            CardMessageId, ResultsPosted == 1);
    }
}
