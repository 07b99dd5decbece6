using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.Logging;

namespace PolicyBot.Storage.Infrastructure;

/// <summary>
/// Applies the numbered SQL files embedded under <c>Migrations/&lt;Dialect&gt;/NNN_name.sql</c> in order, each in its own
/// transaction, and records them in <c>schema_migrations</c>. Several instances starting at once are serialised
/// (an advisory lock on PostgreSQL, the write lock on SQLite).
/// </summary>
public sealed partial class MigrationRunner(IDbConnectionFactory connections, ILogger<MigrationRunner> logger)
{
    private const long PostgresAdvisoryLockKey = 0x506F6C696379; // "Policy"

    public sealed record Migration(int Version, string Name, string Sql);

    public static IReadOnlyList<Migration> Load(SqlDialect dialect)
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var prefix = $"Migrations/{dialect}/";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => (Resource: n, Match: FileName().Match(n[prefix.Length..])))
            .Where(x => x.Match.Success)
            .Select(x => new Migration(
                int.Parse(x.Match.Groups[1].Value, CultureInfo.InvariantCulture),
                x.Match.Groups[2].Value,
                ReadResource(assembly, x.Resource)))
            .OrderBy(m => m.Version)
            .ToArray();
    }

    /// <summary>Applies what is missing; returns the versions applied now.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken)
    {
        var migrations = Load(connections.Dialect);
        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two migrations share the number {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.Name))}.");
        }

        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (connections.Dialect == SqlDialect.Postgres)
        {
            await connection.ExecuteAsync("SELECT pg_advisory_lock(@key)", new { key = PostgresAdvisoryLockKey }).ConfigureAwait(false);
        }

        try
        {
            await connection.ExecuteAsync(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
                .ConfigureAwait(false);
            var applied = (await connection.QueryAsync<int>("SELECT version FROM schema_migrations").ConfigureAwait(false)).ToHashSet();
            var appliedNow = new List<int>();
            foreach (var migration in migrations.Where(m => !applied.Contains(m.Version)))
            {
                await ApplyAsync(connection, migration, cancellationToken).ConfigureAwait(false);
                appliedNow.Add(migration.Version);
                LogApplied(migration.Version, migration.Name, connections.Describe());
            }

            return appliedNow;
        }
        finally
        {
            if (connections.Dialect == SqlDialect.Postgres)
            {
                await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = PostgresAdvisoryLockKey }).ConfigureAwait(false);
            }
        }
    }

    private static async Task ApplyAsync(DbConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(migration.Sql, transaction: transaction).ConfigureAwait(false);
        await connection.ExecuteAsync(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)",
            new { migration.Version, migration.Name, AppliedAt = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) },
            transaction).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(\d+)_([A-Za-z0-9_\-]+)\.sql$")]
    private static partial Regex FileName();

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Version} ({Name}) to {Database}")]
    private partial void LogApplied(int version, string name, string database);
}
