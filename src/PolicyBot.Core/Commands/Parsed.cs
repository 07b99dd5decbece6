using System.Diagnostics.CodeAnalysis;

namespace PolicyBot.Core.Commands;

/// <summary>
/// What every parser of user input returns: the parsed value, or the polite message that explains what was wrong with
/// the input (and whether the reply should show examples, for input that could not be read at all).
/// </summary>
public readonly record struct Parsed<T>
{
    private Parsed(T? value, string? error, bool showExamples)
    {
        Value = value;
        Error = error;
        ShowExamples = showExamples;
    }

    public T? Value { get; }

    public string? Error { get; }

    /// <summary>The input could not be read at all: the reply should show examples.</summary>
    public bool ShowExamples { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    [MemberNotNullWhen(true, nameof(Value))]
    public bool Succeeded => Error is null;

    public static Parsed<T> Ok(T value) => new(value, null, false);

    public static Parsed<T> Fail(string error, bool showExamples = false) => new(default, error, showExamples);

    /// <summary>The same failure for another type of value.</summary>
    public Parsed<TOther> Cast<TOther>() => Parsed<TOther>.Fail(Error ?? throw new InvalidOperationException("A success has no failure to pass on."), ShowExamples);
}
