using System.Collections.Immutable;
using PolicyBot.Core.Chat;

namespace PolicyBot.Core.Commands;

/// <summary>
/// Argument values a platform delivered already typed (Discord slash-command options), keyed by the name of the
/// <see cref="CommandArgument"/> the command declares, and of the type its <see cref="ArgumentKind"/> says. A handler
/// reads an argument here first and parses <see cref="CommandInvocation.Arguments"/> only when it is absent, so a typed
/// <c>!vote 12 2</c> and a slash <c>/vote poll:12 options:2</c> reach the same handler; the slash one is not parsed again.
/// </summary>
public sealed class CommandValues
{
    private readonly ImmutableDictionary<string, object> _values;

    private CommandValues(ImmutableDictionary<string, object> values) => _values = values;

    /// <summary>Text commands, buttons and platforms without typed options.</summary>
    public static CommandValues None { get; } = new(ImmutableDictionary<string, object>.Empty);

    public bool IsEmpty => _values.IsEmpty;

    /// <summary>An <see cref="ArgumentKind.Integer"/> argument's value, when the platform sent one.</summary>
    public bool TryGetInteger(CommandArgument argument, out long value)
    {
        if (argument.Kind == ArgumentKind.Integer && _values.TryGetValue(argument.Name, out var found) && found is long number)
        {
            value = number;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>A <see cref="ArgumentKind.Text"/> argument's value, when the platform sent one.</summary>
    public bool TryGetText(CommandArgument argument, out string value)
    {
        value = argument.Kind == ArgumentKind.Text && _values.TryGetValue(argument.Name, out var found) && found is string text ? text : string.Empty;
        return value.Length > 0;
    }

    /// <summary>The same values with <paramref name="clean"/> applied to every text (the router strips control characters).</summary>
    public CommandValues MapText(Func<string, string> clean) =>
        IsEmpty ? this : new(_values.ToImmutableDictionary(p => p.Key, p => p.Value is string text ? clean(text) : p.Value, StringComparer.Ordinal));

    /// <summary>Collects values for a command's declared arguments; a value of the wrong type for its argument is dropped.</summary>
    public sealed class Builder
    {
        private readonly ImmutableDictionary<string, object>.Builder _values = ImmutableDictionary.CreateBuilder<string, object>(StringComparer.Ordinal);

        public Builder AddInteger(CommandArgument argument, long value)
        {
            if (argument.Kind == ArgumentKind.Integer)
            {
                _values[argument.Name] = value;
            }

            return this;
        }

        public Builder AddText(CommandArgument argument, string value)
        {
            if (argument.Kind == ArgumentKind.Text && value.Trim() is { Length: > 0 } trimmed)
            {
                _values[argument.Name] = trimmed;
            }

            return this;
        }

        public CommandValues Build() => _values.Count == 0 ? None : new(_values.ToImmutable());
    }
}
