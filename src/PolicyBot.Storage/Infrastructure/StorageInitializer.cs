using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace PolicyBot.Storage.Infrastructure;

/// <summary>Opens the database and applies migrations before anything else starts (a hosted service registered first).</summary>
public sealed class StorageInitializer(IDbConnectionFactory connections, MigrationRunner migrations) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (connections is SqliteConnectionFactory sqlite)
            {
                await sqlite.InitializeAsync(cancellationToken).ConfigureAwait(false);
            }

            await migrations.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 26 or 11)
        {
            throw new StorageUnavailableException(
                $"The database file '{connections.Describe()}' is not a valid SQLite database (it may be corrupt). Move it aside or point Storage:ConnectionString elsewhere.", ex);
        }
        catch (SqliteException ex)
        {
            throw new StorageUnavailableException(
                $"Cannot open the database file '{connections.Describe()}': {ex.Message} Check that the folder exists and is writable.", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new StorageUnavailableException($"Cannot create the database at '{connections.Describe()}': {ex.Message}", ex);
        }
        catch (NpgsqlException ex)
        {
            throw new StorageUnavailableException($"Cannot reach PostgreSQL at {connections.Describe()}: {ex.Message}", ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
