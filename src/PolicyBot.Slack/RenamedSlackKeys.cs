using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace PolicyBot.Slack;

/// <summary>
/// Durations used to be integers of milliseconds or seconds; they are <see cref="TimeSpan"/>s now. A configuration that
/// still sets an old key would otherwise be ignored without a word, so the start stops and names the new key.
/// </summary>
internal sealed class RenamedSlackKeys(IConfigurationSection section) : IValidateOptions<SlackOptions>
{
    private static readonly (string Old, string New, string Example)[] Renamed =
    [
        ("InlineReplyBudgetMilliseconds", "InlineReplyBudget", "00:00:02"),
        ("SignatureWindowSeconds", "SignatureWindow", "00:05:00"),
        ("ChannelMessageIntervalMilliseconds", "ChannelMessageInterval", "00:00:01"),
        ("SocketModeStaggerSeconds", "SocketModeStagger", "00:00:10"),
    ];

    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var errors = Renamed
            .Where(key => section[key.Old] is not null)
            .Select(key => $"Slack:{key.Old} is no longer read: set Slack:{key.New} instead, a duration such as {key.Example}.")
            .ToArray();
        return errors.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
