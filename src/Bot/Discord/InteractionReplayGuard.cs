using System.Collections.Concurrent;
using Kuril.Bot.Storage;

namespace Kuril.Bot.Discord;

/// <summary>
/// Remembers the ids of interactions already answered for as long as their signatures stay valid, so a captured
/// request sent again inside that window is refused instead of answered twice. With a database shared by several
/// instances (<paramref name="shared"/>), an id any of them answered is refused by all.
/// </summary>
public sealed class InteractionReplayGuard(TimeProvider time, TimeSpan window, SharedRateLimits? shared = null)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    /// <summary>True the first time an id is seen within the window; false for a repeat.</summary>
    /// <param name="interactionId">The interaction's id.</param>
    /// <param name="acrossInstances">Whether to ask the other instances too: for interactions that do work (a PING does none).</param>
    /// <param name="cancellationToken">Cancels the database call.</param>
    public async ValueTask<bool> TryFirstUseAsync(string interactionId, bool acrossInstances, CancellationToken cancellationToken)
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

        if (!_seen.TryAdd(interactionId, now)) return false;
        return shared is null || !acrossInstances || await shared.TryFirstUseAsync(interactionId, now, cancellationToken);
    }
}
