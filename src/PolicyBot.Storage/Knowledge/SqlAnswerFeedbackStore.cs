using Dapper;
using PolicyBot.Core.Knowledge.Feedback;
using PolicyBot.Storage.Infrastructure;

namespace PolicyBot.Storage.Knowledge;

/// <summary>
/// Answers and votes in the database. A member's second vote on an answer replaces the first (the primary key and
/// ON CONFLICT do it atomically); a vote on an unknown answer is refused by checking existence in the same statement.
/// </summary>
public sealed class SqlAnswerFeedbackStore(IDbConnectionFactory connections) : IAnswerFeedbackStore
{
    public async Task RecordAnswerAsync(AnswerRecord answer, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO answer_log (answer_id, question, article_slug, declined, primary_paragraph, platform, channel_id, thread_id, user_id, asked_at)
            VALUES (@AnswerId, @Question, @ArticleSlug, @Declined, @PrimaryParagraph, @Platform, @ChannelId, @ThreadId, @UserId, @AskedAt)
            """,
            new
            {
                answer.AnswerId,
                answer.Question,
                answer.ArticleSlug,
                Declined = answer.Declined ? 1 : 0,
                answer.PrimaryParagraph,
                answer.Conversation.Platform,
                answer.Conversation.ChannelId,
                answer.Conversation.ThreadId,
                answer.UserId,
                AskedAt = answer.AskedAt.ToUnixTimeMilliseconds(),
            },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<bool> RecordVoteAsync(string answerId, string userId, bool helpful, DateTimeOffset votedAt, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        var written = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO answer_vote (answer_id, user_id, vote, voted_at)
            SELECT answer_id, @userId, @vote, @votedAt FROM answer_log WHERE answer_id = @answerId
            ON CONFLICT (answer_id, user_id) DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at
            """,
            new { answerId, userId, vote = helpful ? 1 : -1, votedAt = votedAt.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return written > 0;
    }

    public async Task<IReadOnlyList<RatedAnswer>> ListUnhelpfulAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT a.answer_id AS AnswerId, a.question AS Question, a.article_slug AS ArticleSlug, a.declined AS Declined,
                   a.primary_paragraph AS PrimaryParagraph, a.asked_at AS AskedAt,
                   SUM(CASE WHEN v.vote > 0 THEN 1 ELSE 0 END) AS Helpful,
                   SUM(CASE WHEN v.vote < 0 THEN 1 ELSE 0 END) AS NotHelpful
            FROM answer_log a
            JOIN answer_vote v ON v.answer_id = a.answer_id
            GROUP BY a.answer_id, a.question, a.article_slug, a.declined, a.primary_paragraph, a.asked_at
            HAVING SUM(CASE WHEN v.vote < 0 THEN 1 ELSE 0 END) > SUM(CASE WHEN v.vote > 0 THEN 1 ELSE 0 END)
            ORDER BY SUM(v.vote) ASC, a.asked_at DESC, a.answer_id
            LIMIT @limit
            """,
            new { limit },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new RatedAnswer(
            r.AnswerId,
            r.Question,
            r.ArticleSlug,
            r.Declined != 0,
            r.PrimaryParagraph is { } p ? (int)p : null,
            (int)r.Helpful,
            (int)r.NotHelpful,
            DateTimeOffset.FromUnixTimeMilliseconds(r.AskedAt))).ToArray();
    }

    // Column types differ by dialect (SQLite integers are 64-bit, PostgreSQL INTEGER is 32-bit, SUM is BIGINT):
    // read everything as long and narrow once.
    private sealed class Row
    {
        public string AnswerId { get; init; } = string.Empty;

        public string Question { get; init; } = string.Empty;

        public string? ArticleSlug { get; init; }

        public long Declined { get; init; }

        public long? PrimaryParagraph { get; init; }

        public long AskedAt { get; init; }

        public long Helpful { get; init; }

        public long NotHelpful { get; init; }
    }
}
