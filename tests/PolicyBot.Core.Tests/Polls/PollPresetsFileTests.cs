using System.Text.Json;
using Microsoft.Extensions.Configuration;
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
        // Bind the way the host does (configuration keys, case-insensitive), not with a JSON serializer.
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.FullName, "config", "poll-presets.json")));
        var keys = new Dictionary<string, string?>();
        Flatten(document.RootElement, string.Empty, keys);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(keys).Build();
        var options = new PollOptions();
        configuration.GetSection(PollOptions.SectionName).Bind(options);
        return options;
    }

    private static void Flatten(JsonElement element, string path, Dictionary<string, string?> keys)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, path.Length == 0 ? property.Name : $"{path}:{property.Name}", keys);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, $"{path}:{index++}", keys);
                }

                break;
            default:
                keys[path] = element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText();
                break;
        }
    }
}
