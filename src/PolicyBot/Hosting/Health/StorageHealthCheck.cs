using System.Data.Common;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PolicyBot.Storage.Infrastructure;

namespace PolicyBot.Hosting.Health;

/// <summary>Ready only while the database answers a trivial query.</summary>
public sealed class StorageHealthCheck(IDbConnectionFactory connections) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (DbException ex)
        {
            return HealthCheckResult.Unhealthy($"Storage at {connections.Describe()} is unreachable: {ex.Message}");
        }
    }
}
