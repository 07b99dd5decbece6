using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PolicyBot.Core.Diagnostics;

/// <summary>
/// The bot's instruments, on the meter <c>PolicyBot</c> (exported through OpenTelemetry, Prometheus when enabled).
/// Tags are low-cardinality on purpose: command names and outcomes, never user or channel ids.
/// </summary>
public sealed class BotMetrics
{
    public const string MeterName = "PolicyBot";

    private readonly Counter<long> _commands;
    private readonly Histogram<double> _commandDuration;
    private readonly Counter<long> _votes;
    private readonly Counter<long> _remindersFired;
    private readonly Counter<long> _gatewayReconnects;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _generationRequests;
    private readonly Counter<long> _generationFallbacks;
    private readonly Histogram<double> _generationDuration;
    private readonly Counter<long> _generationTokens;

    public BotMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _commands = meter.CreateCounter<long>("policybot.commands", description: "Commands handled, by name and outcome.");
        _commandDuration = meter.CreateHistogram<double>(
            "policybot.command.duration",
            unit: "ms",
            description: "Time from invocation to reply.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000] });
        _votes = meter.CreateCounter<long>("policybot.votes", description: "Ballots recorded.");
        _remindersFired = meter.CreateCounter<long>("policybot.reminders.fired", description: "Reminder and deadline posts sent, by lateness.");
        _gatewayReconnects = meter.CreateCounter<long>("policybot.gateway.reconnects", description: "Platform socket reconnects, by platform and kind (resume/identify).");
        _rateLimited = meter.CreateCounter<long>("policybot.platform.rate_limited", description: "HTTP 429 answers from a platform API.");
        _generationRequests = meter.CreateCounter<long>("policybot.generation.requests", description: "Requests to the language model, by outcome (none: its answer was used; else the fallback reason).");
        _generationFallbacks = meter.CreateCounter<long>("policybot.generation.fallbacks", description: "Answers that went out extractive although a language model is configured, by reason.");
        _generationDuration = meter.CreateHistogram<double>(
            "policybot.generation.duration",
            unit: "ms",
            description: "Time the language model took to answer (or to fail).",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [50, 100, 250, 500, 1000, 2000, 4000, 8000, 16000] });
        _generationTokens = meter.CreateCounter<long>("policybot.generation.tokens", unit: "{token}", description: "Tokens the language model read (direction=input) and wrote (direction=output).");
    }

    public void CommandHandled(string command, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { "command", command }, { "outcome", outcome } };
        _commands.Add(1, tags);
        _commandDuration.Record(elapsed.TotalMilliseconds, tags);
    }

    public void VoteRecorded() => _votes.Add(1);

    public void ReminderFired(bool late) => _remindersFired.Add(1, new KeyValuePair<string, object?>("late", late));

    public void GatewayReconnected(string platform, string kind) =>
        _gatewayReconnects.Add(1, new KeyValuePair<string, object?>("platform", platform), new KeyValuePair<string, object?>("kind", kind));

    public void RateLimitedByPlatform(string platform) => _rateLimited.Add(1, new KeyValuePair<string, object?>("platform", platform));

    public void GenerationRequested(string outcome, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("outcome", outcome);
        _generationRequests.Add(1, tag);
        _generationDuration.Record(elapsed.TotalMilliseconds, tag);
    }

    public void GenerationFellBack(string reason) => _generationFallbacks.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void GenerationTokens(long? input, long? output)
    {
        if (input is > 0)
        {
            _generationTokens.Add(input.Value, new KeyValuePair<string, object?>("direction", "input"));
        }

        if (output is > 0)
        {
            _generationTokens.Add(output.Value, new KeyValuePair<string, object?>("direction", "output"));
        }
    }
}
