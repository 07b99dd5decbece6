namespace PolicyBot.Core.Scheduling;

/// <summary>Runs the jobs of one <see cref="Kind"/>. Must be idempotent enough that a retry after a crash does no harm.</summary>
public interface IDueJobHandler
{
    string Kind { get; }

    /// <param name="now">The dispatcher's clock reading; a job due well before it is late (downtime).</param>
    Task<DueJobResult> HandleAsync(DueJob job, DateTimeOffset now, CancellationToken cancellationToken);
}
