namespace PolicyBot.Core.Commands;

/// <summary>
/// Button ids carry their command: <c>vote:12:3</c> is the command <c>vote</c> with arguments <c>12 3</c>.
/// A click therefore becomes the same invocation a typed command makes.
/// </summary>
public static class ActionId
{
    public const char Separator = ':';

    public static string Create(string command, params object[] arguments) =>
        string.Join(Separator, arguments.Select(a => Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture)).Prepend(command));

    public static bool TryParse(string actionId, out string command, out string arguments)
    {
        var parts = actionId.Split(Separator);
        command = parts[0].ToLowerInvariant();
        arguments = string.Join(' ', parts.Skip(1));
        return parts.Length > 0 && command.Length > 0;
    }
}
