using System.Diagnostics;
using System.Globalization;

namespace Kuril.Bench;

/// <summary>Recorded durations with nearest-rank percentiles; recording is a subtraction, so it does not skew what it times.</summary>
public sealed class Latencies
{
    private readonly List<long> _ticks = [];
    private readonly Lock _lock = new();

    public int Count => _ticks.Count;

    /// <summary>Records the time since <paramref name="startTimestamp"/> (from <see cref="Stopwatch.GetTimestamp"/>).</summary>
    public void AddSince(long startTimestamp)
    {
        var elapsed = Stopwatch.GetTimestamp() - startTimestamp;
        lock (_lock) _ticks.Add(elapsed);
    }

    public void AddAll(Latencies other)
    {
        lock (_lock) _ticks.AddRange(other._ticks);
    }

    /// <summary>The nearest-rank percentile in milliseconds.</summary>
    public double Percentile(double p)
    {
        lock (_lock)
        {
            if (_ticks.Count == 0) return double.NaN;
            _ticks.Sort();
            var rank = (int)Math.Ceiling(p / 100 * _ticks.Count);
            return ToMs(_ticks[Math.Clamp(rank - 1, 0, _ticks.Count - 1)]);
        }
    }

    public double MeanMs()
    {
        lock (_lock) return _ticks.Count == 0 ? double.NaN : ToMs((long)_ticks.Average());
    }

    public static string Ms(double ms) => ms.ToString(ms < 1 ? "0.000" : ms < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " ms";

    private static double ToMs(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
