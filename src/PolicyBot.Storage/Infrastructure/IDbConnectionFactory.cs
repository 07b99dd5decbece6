using System.Data.Common;

namespace PolicyBot.Storage.Infrastructure;

/// <summary>Opens configured connections (SQLite pragmas applied, PostgreSQL pooled).</summary>
public interface IDbConnectionFactory
{
    SqlDialect Dialect { get; }

    /// <summary>A human-readable location (file path or host/database) for error messages; never contains a password.</summary>
    string Describe();

    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);
}
