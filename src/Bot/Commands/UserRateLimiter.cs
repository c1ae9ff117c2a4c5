using Microsoft.Extensions.Options;

namespace Kuril.Bot.Commands;

/// <summary>
/// A sliding-window limit per user: at most <see cref="CommandOptions.RateLimitPermits"/> requests in any
/// <see cref="CommandOptions.RateLimitWindow"/>. A refused request is answered at once with the wait, never queued.
/// </summary>
public sealed class UserRateLimiter(TimeProvider time, IOptions<CommandOptions> options)
{
    // Beyond this many tracked users, idle ones are dropped so the table cannot grow without bound.
    private const int PruneThreshold = 10_000;

    private readonly Dictionary<string, Queue<DateTimeOffset>> _recent = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Takes a permit for the user, or says how long until one frees up.</summary>
    /// <param name="userKey">The user, e.g. platform and user id.</param>
    /// <param name="retryAfter">Zero when granted; otherwise the wait until the oldest request leaves the window.</param>
    public bool TryAcquire(string userKey, out TimeSpan retryAfter)
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
                retryAfter = stamps.Peek() + limit.RateLimitWindow - now;
                return false;
            }

            stamps.Enqueue(now);
            retryAfter = TimeSpan.Zero;
            return true;
        }
    }

    private void Prune(DateTimeOffset now, TimeSpan window)
    {
        foreach (var (key, stamps) in _recent.ToList())
        {
            if (stamps.Count == 0 || now - stamps.Last() >= window) _recent.Remove(key);
        }
    }
}
