using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace PolicyBot.Tests.Shared;

/// <summary>
/// Records <c>policybot.gateway.reconnects</c> as "platform/kind" from one host's meters only (the scope check keeps
/// parallel tests apart). Compiled into the Discord and Slack test projects, which both count reconnects.
/// </summary>
internal sealed class ReconnectRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<string> _kinds = new();

    public ReconnectRecorder(IMeterFactory scope)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == scope && instrument.Name == "policybot.gateway.reconnects")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            var values = tags.ToArray().ToDictionary(t => t.Key, t => t.Value);
            _kinds.Enqueue($"{values["platform"]}/{values["kind"]}");
        });
        _listener.Start();
    }

    public string[] Kinds => _kinds.ToArray();

    public void Dispose() => _listener.Dispose();
}
