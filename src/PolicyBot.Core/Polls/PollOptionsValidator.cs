using Microsoft.Extensions.Options;

namespace PolicyBot.Core.Polls;

/// <summary>Checks every configured preset at startup, so a broken preset fails the deploy rather than a user's command.</summary>
public sealed class PollOptionsValidator : IValidateOptions<PollOptions>
{
    public ValidateOptionsResult Validate(string? name, PollOptions options)
    {
        var failures = new List<string>();
        foreach (var (presetName, preset) in options.Presets)
        {
            if (presetName.Contains(' ', StringComparison.Ordinal) || presetName.Length is 0 or > 40)
            {
                failures.Add($"Polls:Presets:{presetName}: a preset name is 1-40 characters without spaces.");
            }

            var flags = new PollFlags(preset.Multi is > 1 ? preset.Multi : null, preset.Anonymous, preset.Hidden, null);
            var built = PollRequestParser.Build(preset.Question, preset.Options, flags);
            if (!built.Succeeded)
            {
                failures.Add($"Polls:Presets:{presetName}: {built.Error}");
            }

            if (!string.IsNullOrWhiteSpace(preset.Closes) && !ClosingTimeParser.Parse(preset.Closes, DateTimeOffset.UnixEpoch).Succeeded)
            {
                failures.Add($"Polls:Presets:{presetName}: Closes must be a duration such as 3d, not '{preset.Closes}'.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
