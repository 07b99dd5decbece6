using System.Collections.Immutable;
using System.Numerics;

namespace PolicyBot.Storage.Polls;

/// <summary>A ballot's choices as a bit set in one column: option n is bit n-1 (polls have at most 20 options).</summary>
internal static class ChoiceBits
{
    public static long From(IEnumerable<int> options) => options.Aggregate(0L, (bits, option) => bits | (1L << (option - 1)));

    public static ImmutableArray<int> ToOptions(long bits)
    {
        var options = ImmutableArray.CreateBuilder<int>(BitOperations.PopCount((ulong)bits));
        for (var option = 1; bits != 0; option++, bits >>= 1)
        {
            if ((bits & 1) != 0)
            {
                options.Add(option);
            }
        }

        return options.MoveToImmutable();
    }

    public static bool AreValid(ImmutableArray<int> options, int optionCount, int maxChoices) =>
        options.Length > 0
        && options.Length <= maxChoices
        && options.All(o => o >= 1 && o <= optionCount)
        && options.Distinct().Count() == options.Length;
}
