using Microsoft.Extensions.Options;

namespace Kuril.Bot.Commands;

/// <summary>
/// A sliding-window limit per user: at most <see cref="CommandOptions.RateLimitPermits"/> requests in any
/// <see cref="CommandOptions.RateLimitWindow"/>. A refused request is answered at once with the wait, never queued;
/// the user is told once per wait, so a flood costs one notice, not one per message.
/// </summary>
public sealed class UserRateLimiter(TimeProvider time, IOptions<CommandOptions> options)
{
    // Beyond this many tracked users, idle ones are dropped so the table cannot grow without bound.
    private const int PruneThreshold = 10_000;

    private readonly Dictionary<string, Queue<DateTimeOffset>> _recent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _toldUntil = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Takes a permit for the user, or says how long until one frees up.</summary>
    /// <param name="userKey">The user, e.g. platform and user id.</param>
    /// <param name="retryAfter">Zero when granted; otherwise the wait until the oldest request leaves the window.</param>
    /// <param name="alreadyTold">On a refusal, whether an earlier refusal in the same wait was the one to tell the user.</param>
    public bool TryAcquire(string userKey, out TimeSpan retryAfter, out bool alreadyTold)
    {
        var limit = options.Value;
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (!_recent.TryGetValue(userKey, out var stamps))
            {
                if (_recent.Count >= PruneThreshold) Prune(now, limit.RateLimitWindow);
                stamps = new Queue<DateTimeOffset>();
                _recent[userKey] = stamps;
            }

            while (stamps.Count > 0 && now - stamps.Peek() >= limit.RateLimitWindow) stamps.Dequeue();
            if (stamps.Count >= limit.RateLimitPermits)
            {
                var freeAt = stamps.Peek() + limit.RateLimitWindow;
                retryAfter = freeAt - now;
                alreadyTold = _toldUntil.TryGetValue(userKey, out var toldUntil) && toldUntil > now;
                if (!alreadyTold) _toldUntil[userKey] = freeAt;
                return false;
            }

            stamps.Enqueue(now);
            retryAfter = TimeSpan.Zero;
            alreadyTold = false;
            return true;
        }
    }

    private void Prune(DateTimeOffset now, TimeSpan window)
    {
        foreach (var (key, stamps) in _recent.ToList())
        {
            if (stamps.Count == 0 || now - stamps.Last() >= window) _recent.Remove(key);
        }

        foreach (var (key, until) in _toldUntil.ToList())
        {
            if (until <= now) _toldUntil.Remove(key);
        }
    }
}
