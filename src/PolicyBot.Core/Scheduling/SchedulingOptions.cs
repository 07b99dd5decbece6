using System.ComponentModel.DataAnnotations;

namespace PolicyBot.Core.Scheduling;

/// <summary>Configuration section <c>Scheduling</c>: how the due-job dispatcher polls, leases and retries.</summary>
public sealed class SchedulingOptions
{
    public const string SectionName = "Scheduling";

    /// <summary>This instance's lease owner name. Empty: machine name, process id and a random suffix (unique per start).</summary>
    public string? InstanceId { get; set; }

    /// <summary>How long a claimed job stays reserved; an instance that dies mid-run frees its jobs after this.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00", ErrorMessage = "Scheduling:LeaseDuration must be between 00:00:05 and 01:00:00.")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest sleep between polls, so jobs scheduled by other instances are seen within this time.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00", ErrorMessage = "Scheduling:MaxPollInterval must be between 00:00:00.050 and 00:01:00.")]
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Jobs claimed per round trip.</summary>
    [Range(1, 10_000, ErrorMessage = "Scheduling:BatchSize must be between 1 and 10000.")]
    public int BatchSize { get; set; } = 100;

    /// <summary>Jobs of one batch run at the same time (posts wait on the network).</summary>
    [Range(1, 64, ErrorMessage = "Scheduling:MaxConcurrency must be between 1 and 64.")]
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>The first retry after a handler failure; doubled per attempt up to <see cref="MaxRetryBackoff"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00", ErrorMessage = "Scheduling:RetryBackoff must be between 00:00:00.100 and 01:00:00.")]
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Scheduling:MaxRetryBackoff must be between 00:00:01 and 1.00:00:00.")]
    public TimeSpan MaxRetryBackoff { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The retry delay after the given (1-based) failed attempt: exponential, capped.</summary>
    public TimeSpan BackoffFor(int attempt)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var ticks = Math.Min(RetryBackoff.Ticks * Math.Pow(2, exponent), MaxRetryBackoff.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    public static string DefaultInstanceId() =>
        $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
}
