using System.Collections.Concurrent;

namespace Kuril.Bot.Discord;

/// <summary>
/// Remembers the ids of interactions already answered for as long as their signatures stay valid, so a captured
/// request sent again inside that window is refused instead of answered twice.
/// </summary>
public sealed class InteractionReplayGuard(TimeProvider time, TimeSpan window)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    /// <summary>True the first time an id is seen within the window; false for a repeat.</summary>
    public bool TryFirstUse(string interactionId)
    {
        var now = time.GetUtcNow();
        if (now >= _nextSweep)
        {
            _nextSweep = now + window;
            foreach (var (id, at) in _seen)
            {
                if (at < now - (window * 2)) _seen.TryRemove(id, out _);
            }
        }

        return _seen.TryAdd(interactionId, now);
    }
}
