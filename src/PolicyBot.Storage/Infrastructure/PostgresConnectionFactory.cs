using System.Data.Common;
using Npgsql;

namespace PolicyBot.Storage.Infrastructure;

/// <summary>PostgreSQL through one pooled <see cref="NpgsqlDataSource"/>; durability is PostgreSQL's default fsync on commit.</summary>
public sealed class PostgresConnectionFactory(string connectionString) : IDbConnectionFactory, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public SqlDialect Dialect => SqlDialect.Postgres;

    public string Describe()
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"postgres://{builder.Host}:{builder.Port}/{builder.Database}";
    }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
