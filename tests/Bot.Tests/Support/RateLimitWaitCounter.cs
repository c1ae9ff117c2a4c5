using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Kuril.Bot.Hosting;

namespace Kuril.Bot.Tests.Support;

/// <summary>
/// Counts <c>kuril.rate_limit.waits</c> by limiter, from the meters of one service provider's factory only (tests in
/// parallel have their own).
/// </summary>
internal sealed class RateLimitWaitCounter : IDisposable
{
    private readonly MeterListener _listener;
    private readonly ConcurrentDictionary<string, long> _waits = new(StringComparer.Ordinal);

    public RateLimitWaitCounter(IMeterFactory factory)
    {
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == BotMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory)) listener.EnableMeasurementEvents(instrument);
            },
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name != "kuril.rate_limit.waits") return;
            foreach (var tag in tags)
            {
                if (tag.Key == "limiter") _waits.AddOrUpdate((string)tag.Value!, value, (_, sum) => sum + value);
            }
        });
        _listener.Start();
    }

    public long Of(string limiter) => _waits.GetValueOrDefault(limiter);

    public void Dispose() => _listener.Dispose();
}
