using System.Diagnostics.CodeAnalysis;

namespace PolicyBot.Core.Polls;

/// <summary>A parsed value, or the polite message that explains what was wrong with the input.</summary>
public readonly record struct Parsed<T>
{
    private Parsed(T? value, string? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public string? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    [MemberNotNullWhen(true, nameof(Value))]
    public bool Succeeded => Error is null;

    public static Parsed<T> Ok(T value) => new(value, null);

    public static Parsed<T> Fail(string error) => new(default, error);
}
