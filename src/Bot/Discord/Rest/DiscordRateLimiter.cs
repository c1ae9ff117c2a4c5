using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Net.Http.Headers;
using Kuril.Bot.Storage;

namespace Kuril.Bot.Discord.Rest;

/// <summary>
/// Discord's rate limits as documented: a queue per route, remapped to the bucket Discord names in
/// <c>X-RateLimit-Bucket</c> (shared by routes with the same hash and major parameter); one request at a time per
/// bucket, so while a limit is unknown only one is in flight; <c>Remaining</c>/<c>Reset-After</c> respected before
/// sending; a global 429 pauses every queue; and never more than <see cref="GlobalPerSecond"/> requests a second,
/// released one at a time, evenly spaced, rather than in bursts. With <paramref name="shared"/> (instances sharing a
/// database), each send also takes a turn of a pace every instance shares, so together they stay under the limit.
/// </summary>
public sealed class DiscordRateLimiter(TimeProvider time, SharedRateLimits? shared = null)
{
    /// <summary>Discord's overall limit for a bot.</summary>
    public const int GlobalPerSecond = 50;

    // The row of the pace instances share.
    private const string SharedPaceKey = "discord:global";

    // Discord counts a request when it arrives and this limiter when it sends: a send's place in the rolling second
    // is held a little longer than a second, so transit jitter does not put a 51st arrival in Discord's second. Without
    // it, 1,000 posts on loopback at load 8 drew 274 global 429s, each wasting a slot and pausing every queue.
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1) + TimeSpan.FromMilliseconds(25);

    // Sends are released one per Spacing, not a window's worth at once: when every waiter woke at a window's edge,
    // 50 requests left together, arrived spread over tens of milliseconds on a busy machine and the next burst's
    // first ones landed in the same second of Discord's as the last ones of this burst (2,429 global 429s for 1,000
    // posts, 92.9 % of the ceiling). Evenly spaced, the 25 ms margin is spread over 50 sends: 97.6 % of the ceiling.
    private static readonly TimeSpan Spacing = Window / GlobalPerSecond;

    // A slot may be taken this late, by a request that was already waiting for it: a timer that fires late, a stalled
    // thread or a clock that steps lets the sends it held up go at once, so the average stays one per Spacing (with 5
    // slots at most, stalls of a busy machine cost 4.8 % of the ceiling in the compressed bench). A request arriving at an idle limiter goes
    // at once but takes no earlier slot, so idleness never turns into a burst; the window's limit caps any catch-up.
    private static readonly TimeSpan CatchUp = Window / 2;

    // How late a shared turn may still be taken: any second then holds at most (1 s + 15 ms) / Spacing + 1 = 50 turns.
    private static readonly TimeSpan SharedTurnLateness = TimeSpan.FromMilliseconds(15);

    private readonly ConcurrentDictionary<string, string> _bucketOfRoute = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RateLimitBucket> _buckets = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _recentSends = new();
    private readonly Lock _globalLock = new();

    // One waiter at a time waits for the next slot (FIFO, as SemaphoreSlim queues async waiters), so a slot wakes one
    // request, never the whole queue. Like the buckets' gates, it never creates a wait handle, so has nothing to dispose.
    private SemaphoreSlim Pacer { get; } = new(1, 1);

    private DateTimeOffset _globalPauseUntil = DateTimeOffset.MinValue;
    private DateTimeOffset _nextSlot = DateTimeOffset.MinValue;

    private long _waitedTicks;

    /// <summary>Until when every route is paused after a global 429 (in the past when none is).</summary>
    public DateTimeOffset GlobalPauseUntil
    {
        get
        {
            lock (_globalLock) return _globalPauseUntil;
        }
    }

    /// <summary>How long requests waited for a limit in all (for metrics and tests).</summary>
    public TimeSpan TotalWait => TimeSpan.FromTicks(Interlocked.Read(ref _waitedTicks));

    /// <summary>Waits until a request on the route may be sent; dispose the lease once its response is read.</summary>
    public async Task<RateLimitLease> AcquireAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        var bucket = BucketOf(route);
        await bucket.Gate.WaitAsync(cancellationToken);
        try
        {
            if (bucket.Remaining == 0) await WaitUntilAsync(bucket.ResetAt, cancellationToken);
            await WaitForGlobalAsync(cancellationToken);
            return new RateLimitLease(this, route, bucket);
        }
        catch
        {
            bucket.Gate.Release();
            throw;
        }
    }

    /// <summary>Pauses every queue, after a global 429.</summary>
    public void PauseAll(TimeSpan duration)
    {
        lock (_globalLock)
        {
            var until = time.GetUtcNow() + duration;
            if (until > _globalPauseUntil) _globalPauseUntil = until;
            if (until > _nextSlot) _nextSlot = until;
        }
    }

    private RateLimitBucket BucketOf(DiscordRoute route)
    {
        var key = _bucketOfRoute.GetValueOrDefault(route.Key, route.Key);
        return _buckets.GetOrAdd(key, _ => new RateLimitBucket());
    }

    internal void Update(DiscordRoute route, RateLimitBucket bucket, HttpResponseHeaders headers, TimeSpan? routeRetryAfter)
    {
        var now = time.GetUtcNow();
        if (Header(headers, "X-RateLimit-Bucket") is { Length: > 0 } hash)
        {
            var key = $"{hash} {route.MajorParameter}";
            if (_bucketOfRoute.TryAdd(route.Key, key))
            {
                // The route's own queue becomes Discord's bucket; later requests queue there.
                _buckets.TryAdd(key, bucket);
            }
        }

        if (int.TryParse(Header(headers, "X-RateLimit-Remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining))
        {
            bucket.Remaining = remaining;
        }

        if (double.TryParse(Header(headers, "X-RateLimit-Reset-After"), NumberStyles.Float, CultureInfo.InvariantCulture, out var resetAfter))
        {
            bucket.ResetAt = now + TimeSpan.FromSeconds(resetAfter);
        }

        if (routeRetryAfter is { } wait)
        {
            bucket.Remaining = 0;
            bucket.ResetAt = now + wait;
        }
    }

    private async Task WaitForGlobalAsync(CancellationToken cancellationToken)
    {
        var requestedAt = time.GetUtcNow();
        await Pacer.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                DateTimeOffset until;
                lock (_globalLock)
                {
                    var now = time.GetUtcNow();
                    while (_recentSends.Count > 0 && _recentSends.Peek() <= now - Window) _recentSends.Dequeue();
                    var slot = Max(Max(_nextSlot, requestedAt), now - CatchUp);
                    until = Max(slot, _globalPauseUntil);

                    // The hard limit, whatever the pacing let through: never more than the limit in any window.
                    if (_recentSends.Count >= GlobalPerSecond) until = Max(until, _recentSends.Peek() + Window);
                    if (until <= now)
                    {
                        _recentSends.Enqueue(now);
                        _nextSlot = slot + Spacing;
                        break;
                    }
                }

                await WaitUntilAsync(until, cancellationToken);
            }

            if (shared is not null) await WaitForSharedTurnAsync(shared, cancellationToken);
        }
        finally
        {
            Pacer.Release();
        }
    }

    // Strictly one turn per Spacing across instances, without this limiter's catch-up: a burst one instance caught up on
    // could meet another's in the same second. A turn woken up late is given up for the next free one, or the sends
    // of a stalled instance would crowd the next ones into one second. Should the database be away, the local pace holds.
    private async Task WaitForSharedTurnAsync(SharedRateLimits limits, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            DateTimeOffset turn;
            try
            {
                turn = await limits.ReserveTurnAsync(SharedPaceKey, Spacing, time.GetUtcNow(), cancellationToken);
            }
            catch (DbException)
            {
                return;
            }

            await WaitUntilAsync(turn, cancellationToken);
            if (time.GetUtcNow() - turn <= SharedTurnLateness) return;
        }
    }

    private async Task WaitUntilAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        var delay = until - time.GetUtcNow();
        if (delay <= TimeSpan.Zero) return;
        Interlocked.Add(ref _waitedTicks, delay.Ticks);
        await Task.Delay(delay, time, cancellationToken);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
