using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace PolicyBot.Storage.Infrastructure;

/// <summary>
/// SQLite in WAL mode with <c>synchronous=FULL</c>: a committed vote or reminder survives a power cut.
/// Every connection sets a busy timeout so concurrent writers wait instead of failing.
/// </summary>
public sealed class SqliteConnectionFactory : IDbConnectionFactory
{
    private readonly string _connectionString;

    public SqliteConnectionFactory(string configured)
    {
        var builder = configured.Contains('=', StringComparison.Ordinal)
            ? new SqliteConnectionStringBuilder(configured)
            : new SqliteConnectionStringBuilder { DataSource = configured };
        builder.Pooling = true;
        builder.DefaultTimeout = 30;
        FilePath = Path.GetFullPath(builder.DataSource);
        builder.DataSource = FilePath;
        _connectionString = builder.ToString();
    }

    public string FilePath { get; }

    public SqlDialect Dialect => SqlDialect.Sqlite;

    public string Describe() => FilePath;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await connection.ExecuteAsync("PRAGMA busy_timeout = 10000; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;").ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Creates the folder, switches the file to WAL (a persistent setting) and checks it really is a database.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync("PRAGMA journal_mode = WAL;").ConfigureAwait(false);
        await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM sqlite_master;").ConfigureAwait(false);
    }
}
