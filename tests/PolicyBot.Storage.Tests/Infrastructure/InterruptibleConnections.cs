using System.Data.Common;
using PolicyBot.Storage.Infrastructure;

namespace PolicyBot.Storage.Tests.Infrastructure;

/// <summary>
/// A connection factory whose process "dies" on cue: once <see cref="Arm"/>ed, it lets a given number of further
/// connections open and fails every one after that, as if the process had been killed between two writes.
/// </summary>
public sealed class InterruptibleConnections(IDbConnectionFactory inner) : IDbConnectionFactory
{
    private int _allowed = int.MaxValue;

    public SqlDialect Dialect => inner.Dialect;

    public bool Died => Volatile.Read(ref _allowed) < 0;

    public string Describe() => inner.Describe();

    /// <summary>From now on, <paramref name="opensLeft"/> more connections open; the next one fails, and all after it.</summary>
    public void Arm(int opensLeft) => Volatile.Write(ref _allowed, opensLeft);

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        Interlocked.Decrement(ref _allowed) < 0
            ? throw new InvalidOperationException("The process was killed.")
            : inner.OpenAsync(cancellationToken);
}
