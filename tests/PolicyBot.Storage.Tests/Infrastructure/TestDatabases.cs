using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PolicyBot.Storage.Infrastructure;
using PolicyBot.Tests.Shared;

namespace PolicyBot.Storage.Tests.Infrastructure;

/// <summary>
/// Fresh, migrated databases for contract tests: a temporary SQLite file, or a new database on the PostgreSQL
/// named by <c>POLICYBOT_TEST_POSTGRES</c>. Without that variable the PostgreSQL tests are skipped on a developer
/// machine, and fail under <c>CI=true</c>: CI must never pass by skipping silently.
/// </summary>
public static class TestDatabases
{
    public const string PostgresVariable = "POLICYBOT_TEST_POSTGRES";

    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static async Task<TestDatabase> CreateAsync(SqlDialect dialect)
    {
        return dialect == SqlDialect.Sqlite ? await CreateSqliteAsync() : await CreatePostgresAsync();
    }

    public static async Task<TestDatabase> CreateSqliteAsync()
    {
        var folder = new ScratchFolder(beforeDelete: SqliteConnection.ClearAllPools);
        try
        {
            var factory = new SqliteConnectionFactory(folder.Combine("policybot.db"));
            await factory.InitializeAsync(CancellationToken.None);
            await new MigrationRunner(factory, NullLogger<MigrationRunner>.Instance).MigrateAsync(CancellationToken.None);
            return new TestDatabase(factory, () => new SqliteConnectionFactory(factory.FilePath), () =>
            {
                folder.Dispose();
                return Task.CompletedTask;
            });
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    public static async Task<TestDatabase> CreatePostgresAsync()
    {
        var admin = PostgresConnectionString;
        Skip.If(admin is null && !IsCi, $"PostgreSQL tests skipped: set {PostgresVariable} (see README) to run them.");
        if (admin is null)
        {
            throw new InvalidOperationException($"CI=true but {PostgresVariable} is not set: the PostgreSQL contract tests must run in CI.");
        }

        var name = "pb_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync($"CREATE DATABASE {name}");
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        var factory = new PostgresConnectionFactory(builder.ToString());
        await new MigrationRunner(factory, NullLogger<MigrationRunner>.Instance).MigrateAsync(CancellationToken.None);
        return new TestDatabase(factory, () => new PostgresConnectionFactory(builder.ToString()), async () =>
        {
            await factory.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await connection.ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        });
    }
}

/// <summary>A migrated database that deletes itself when disposed.</summary>
public sealed class TestDatabase(IDbConnectionFactory connections, Func<IDbConnectionFactory> anotherInstance, Func<Task> cleanup) : IAsyncDisposable
{
    private readonly List<IDbConnectionFactory> _others = [];

    public IDbConnectionFactory Connections { get; } = connections;

    /// <summary>
    /// A second connection factory on the same database with a pool of its own, as another bot instance (another
    /// process) would have: nothing in memory is shared with <see cref="Connections"/>.
    /// </summary>
    public IDbConnectionFactory ConnectAsAnotherInstance()
    {
        var factory = anotherInstance();
        _others.Add(factory);
        return factory;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var other in _others.OfType<IAsyncDisposable>())
        {
            await other.DisposeAsync();
        }

        await cleanup();
    }
}
