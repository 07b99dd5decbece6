using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using PolicyBot.Core.Diagnostics;

namespace PolicyBot.Tests.Shared;

/// <summary>
/// A <see cref="BotMetrics"/> on a meter of its own, and a listener that records only that meter's measurements
/// (the scope check keeps parallel tests from seeing each other's counts). Counters and histograms alike; values as doubles.
/// </summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly TestMeterFactory _factory = new();
    private readonly MeterListener _listener = new();

    public MetricRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == _factory)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
        Metrics = new BotMetrics(_factory);
    }

    public BotMetrics Metrics { get; }

    public ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> Measurements { get; } = new();

    public double Sum(string instrument, string? tag = null, object? tagValue = null) => Measurements
        .Where(m => m.Instrument == instrument && (tag is null || Equals(m.Tags.GetValueOrDefault(tag), tagValue)))
        .Sum(m => m.Value);

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        Measurements.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));

    public void Dispose()
    {
        _listener.Dispose();
        _factory.Dispose();
    }

    private sealed class TestMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
            _meters.Add(meter);
            return meter;
        }

        public void Dispose() => _meters.ForEach(m => m.Dispose());
    }
}
