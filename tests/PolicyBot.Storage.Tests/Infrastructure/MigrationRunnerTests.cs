using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using PolicyBot.Storage.Infrastructure;
using PolicyBot.Tests.Shared;

namespace PolicyBot.Storage.Tests.Infrastructure;

public sealed class MigrationRunnerTests
{
    [Theory]
    [InlineData(SqlDialect.Sqlite)]
    [InlineData(SqlDialect.Postgres)]
    public void Both_dialects_have_the_same_numbered_migrations(SqlDialect dialect)
    {
        var sqlite = MigrationRunner.Load(SqlDialect.Sqlite).Select(m => (m.Version, m.Name));
        var other = MigrationRunner.Load(dialect).Select(m => (m.Version, m.Name));
        Assert.Equal(sqlite, other);
        Assert.Contains(MigrationRunner.Load(dialect), m => m.Version == 1);
    }

    [Fact]
    public async Task Migrations_create_the_file_in_wal_mode_and_run_once()
    {
        using var scratch = new ScratchFolder(beforeDelete: SqliteConnection.ClearAllPools);
        var folder = scratch.Combine("nested");
        var factory = new SqliteConnectionFactory(Path.Combine(folder, "bot.db"));
        await factory.InitializeAsync(CancellationToken.None);
        var runner = new MigrationRunner(factory, NullLogger<MigrationRunner>.Instance);

        var first = await runner.MigrateAsync(CancellationToken.None);
        var second = await runner.MigrateAsync(CancellationToken.None);

        Assert.True(File.Exists(Path.Combine(folder, "bot.db")));
        Assert.Equal(MigrationRunner.Load(SqlDialect.Sqlite).Select(m => m.Version), first);
        Assert.Empty(second);
        await using var connection = await factory.OpenAsync(CancellationToken.None);
        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(2, await connection.ExecuteScalarAsync<long>("PRAGMA synchronous")); // 2 = FULL
    }

    [Fact]
    public async Task A_corrupt_file_is_reported_with_its_path()
    {
        using var folder = new ScratchFolder(beforeDelete: SqliteConnection.ClearAllPools);
        var path = folder.Combine("broken.db");
        await File.WriteAllTextAsync(path, new string('x', 4096));
        var factory = new SqliteConnectionFactory(path);
        var initializer = new StorageInitializer(factory, new MigrationRunner(factory, NullLogger<MigrationRunner>.Instance));

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => initializer.StartAsync(CancellationToken.None));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("not a valid SQLite database", error.Message, StringComparison.Ordinal);
    }
}
