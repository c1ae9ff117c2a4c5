using System.Collections.Concurrent;
using System.Globalization;

namespace Kuril.Bot.Discord.Gateway;

/// <summary>Each Gateway shard's state and heartbeat latency, for <c>/readyz</c>.</summary>
public sealed class GatewayStatus
{
    private readonly ConcurrentDictionary<int, (string State, TimeSpan? Latency)> _shards = new();

    /// <summary>Records a shard's state.</summary>
    public void Set(int shard, string state) => _shards.AddOrUpdate(shard, (state, null), (_, old) => (state, old.Latency));

    /// <summary>Records the time from a shard's last heartbeat to its acknowledgement.</summary>
    public void SetLatency(int shard, TimeSpan latency) => _shards.AddOrUpdate(shard, ("ready", latency), (_, old) => (old.State, latency));

    /// <summary>A shard's state, or null if it never started.</summary>
    public string? StateOf(int shard) => _shards.TryGetValue(shard, out var entry) ? entry.State : null;

    /// <summary>One line per shard: "shard 0" → "ready, 42 ms".</summary>
    public IReadOnlyDictionary<string, string> Describe() => _shards
        .OrderBy(s => s.Key)
        .ToDictionary(
            s => string.Create(CultureInfo.InvariantCulture, $"shard {s.Key}"),
            s => s.Value.Latency is { } latency ? string.Create(CultureInfo.InvariantCulture, $"{s.Value.State}, {latency.TotalMilliseconds:0} ms") : s.Value.State);
}
