using System.Data.Common;
using PolicyBot.Storage.Infrastructure;

namespace PolicyBot.Tests.Shared;

/// <summary>
/// A process's database connections, which "die" on cue: once <see cref="Arm"/>ed, a given number of further connections
/// open and every one after that fails, as if the process had been killed between two writes; <see cref="KillNow"/>
/// kills at once. Compiled into the test projects that kill processes (storage, Discord, Slack).
/// </summary>
public sealed class InterruptibleConnections(IDbConnectionFactory inner) : IDbConnectionFactory
{
    private readonly TaskCompletionSource _death = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _allowed = int.MaxValue;

    public SqlDialect Dialect => inner.Dialect;

    public bool Died => _death.Task.IsCompleted;

    /// <summary>Completes when the process dies.</summary>
    public Task Death => _death.Task;

    public string Describe() => inner.Describe();

    /// <summary>From now on, <paramref name="opensLeft"/> more connections open; the next one kills the process.</summary>
    public void Arm(int opensLeft) => Volatile.Write(ref _allowed, opensLeft);

    public void KillNow()
    {
        Volatile.Write(ref _allowed, -1);
        _death.TrySetResult();
    }

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref _allowed) < 0)
        {
            KillNow();
            throw new InvalidOperationException("The process was killed.");
        }

        return inner.OpenAsync(cancellationToken);
    }
}
