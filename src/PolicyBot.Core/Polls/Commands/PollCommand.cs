using System.Text;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;

namespace PolicyBot.Core.Polls.Commands;

/// <summary><c>poll &lt;question&gt; | &lt;option&gt; ...</c> and <c>poll preset &lt;name&gt;</c>: posts a poll card.</summary>
public sealed class PollCommand(PollService polls, IOptions<PollOptions> options) : ICommandHandler
{
    private const string PresetWord = "preset";

    public CommandDeclaration Definition { get; } = new("poll", "Start a poll: a question and options separated by |.", PollRequestParser.Usage)
    {
        Arguments = [new CommandArgument("poll", "Question | option | option ... with optional flags --multi[=N], --anonymous, --hidden, --closes <when>; or: preset <name>")],
        Examples =
        [
            "Which should the council fund first? | Bike lanes | Bus shelters | Street lights",
            "Which steps should come first? | Lift the tariffs | Cut the budget | Hold a referendum --multi=2 --closes 3d",
            "preset",
        ],
    };

    public async Task<Reply> HandleAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var arguments = invocation.Arguments.Trim();
        var prefix = polls.Syntax.PrefixFor(invocation.Conversation.Platform);
        if (arguments.Length == 0)
        {
            return Reply.Error($"Usage: `{prefix}poll {PollRequestParser.Usage}`, or `{prefix}poll preset` for ready-made polls.");
        }

        var isPreset = !arguments.Contains('|', StringComparison.Ordinal)
            && (arguments.Equals(PresetWord, StringComparison.OrdinalIgnoreCase) || arguments.StartsWith(PresetWord + " ", StringComparison.OrdinalIgnoreCase));
        if (isPreset && arguments.Length == PresetWord.Length)
        {
            return Reply.Private(ListPresets(options.Value.Presets, prefix));
        }

        var request = isPreset
            ? FromPreset(arguments[PresetWord.Length..].Trim(), polls.Now, prefix)
            : PollRequestParser.Parse(arguments, polls.Now, prefix + "poll");
        if (!request.Succeeded)
        {
            return Reply.Error(MentionGuard.Defuse(request.Error));
        }

        var poll = await polls.CreateAsync(request.Value, invocation.Sender, invocation.Conversation, cancellationToken).ConfigureAwait(false);
        return PollCard.Render(poll, PollTally.Empty(poll.Options.Length), polls.Now, prefix);
    }

    private Parsed<PollRequest> FromPreset(string arguments, DateTimeOffset now, string prefix)
    {
        var extracted = PollRequestParser.ExtractFlags(arguments, now);
        if (!extracted.Succeeded)
        {
            return Parsed<PollRequest>.Fail(extracted.Error);
        }

        var (name, flags) = extracted.Value;
        var presets = options.Value.Presets;
        if (name.Length == 0)
        {
            return Parsed<PollRequest>.Fail(ListPresets(presets, prefix));
        }

        var preset = presets.FirstOrDefault(p => p.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
        if (preset is null)
        {
            return Parsed<PollRequest>.Fail($"There is no preset `{MentionGuard.Defuse(name.Length > 40 ? name[..40] : name)}`. {ListPresets(presets, prefix)}");
        }

        var closesAt = flags.ClosesAt;
        if (closesAt is null && !string.IsNullOrWhiteSpace(preset.Closes))
        {
            var closes = ClosingTimeParser.Parse(preset.Closes, now);
            if (!closes.Succeeded)
            {
                return Parsed<PollRequest>.Fail($"The preset `{name}` is misconfigured: {closes.Error}");
            }

            closesAt = closes.Value;
        }

        var presetMulti = preset.Multi is > 1 ? preset.Multi : null;
        return PollRequestParser.Build(preset.Question, preset.Options, new PollFlags(
            flags.Multi ?? presetMulti,
            flags.Anonymous || preset.Anonymous,
            flags.Hidden || preset.Hidden,
            closesAt));
    }

    private static string ListPresets(IReadOnlyDictionary<string, PollPreset> presets, string prefix)
    {
        if (presets.Count == 0)
        {
            return "No poll presets are configured.";
        }

        var text = new StringBuilder($"Start one with `{prefix}poll preset <name>` (flags such as `--closes 3d` still apply). Presets:");
        foreach (var (name, preset) in presets.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
        {
            text.AppendLine().Append("• `").Append(name).Append("` — ").Append(MentionGuard.Defuse(preset.Description ?? preset.Question));
        }

        return text.ToString();
    }
}
