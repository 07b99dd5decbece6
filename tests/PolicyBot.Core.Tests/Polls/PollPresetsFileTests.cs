using System.Text.Json;
using PolicyBot.Core.Polls;

namespace PolicyBot.Core.Tests.Polls;

/// <summary>The shipped presets (config/poll-presets.json) must all be valid polls, or the bot refuses to start.</summary>
public sealed class PollPresetsFileTests
{
    [Fact]
    public void Every_shipped_preset_is_a_valid_poll()
    {
        var options = LoadShippedOptions();

        var result = new PollOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Contains("washington-first", options.Presets.Keys);
        Assert.Contains("pyongyang-steps", options.Presets.Keys);
        Assert.Contains("deadline", options.Presets.Keys);
        Assert.True(options.Presets.Count >= 5);
        Assert.Equal(2, options.Presets["pyongyang-steps"].Multi);
    }

    [Fact]
    public void The_validator_names_a_broken_preset()
    {
        var options = new PollOptions();
        options.Presets["broken"] = new PollPreset { Question = "Only one option?", Options = ["yes"] };
        options.Presets["bad-close"] = new PollPreset { Question = "Q", Options = ["a", "b"], Closes = "whenever" };

        var result = new PollOptionsValidator().Validate(null, options);

        Assert.False(result.Succeeded);
        Assert.Contains("Polls:Presets:broken: A poll needs between 2 and 20 options", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Polls:Presets:bad-close", result.FailureMessage, StringComparison.Ordinal);
    }

    private static PollOptions LoadShippedOptions()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "config", "poll-presets.json")))
        {
            folder = folder.Parent;
        }

        Assert.NotNull(folder);
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.FullName, "config", "poll-presets.json")));
        var section = document.RootElement.GetProperty(PollOptions.SectionName);
        return section.Deserialize<PollOptions>(new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
    }
}
