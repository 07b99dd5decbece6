using Microsoft.Extensions.Options;

namespace PolicyBot.Core.Knowledge.Generation;

/// <summary>
/// The per-member and per-day request caps, counted per UTC calendar day on the <see cref="TimeProvider"/> (the
/// library rate limiters keep their own clock, which a test cannot move). Counts are dropped when the day changes, so
/// the table holds at most one day's members.
/// </summary>
public sealed class GenerationQuota(TimeProvider clock, IOptions<GenerationOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _byMember = new(StringComparer.Ordinal);
    private DateOnly _day;
    private int _total;

    /// <summary>Takes one request for <paramref name="member"/>; false when a cap is reached (nothing is taken then).</summary>
    public bool TryTake(string member)
    {
        var settings = options.Value;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        lock (_gate)
        {
            if (today != _day)
            {
                _day = today;
                _total = 0;
                _byMember.Clear();
            }

            var used = _byMember.GetValueOrDefault(member);
            if (_total >= settings.MaxRequestsPerDay || used >= settings.MaxRequestsPerMemberPerDay)
            {
                return false;
            }

            _total++;
            _byMember[member] = used + 1;
            return true;
        }
    }
}
