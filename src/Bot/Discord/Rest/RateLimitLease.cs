using System.Net.Http.Headers;

namespace Kuril.Bot.Discord.Rest;

/// <summary>The right to one request on a route; reports the response's limits and frees the bucket.</summary>
public sealed class RateLimitLease : IDisposable
{
    private readonly DiscordRateLimiter _limiter;
    private readonly DiscordRoute _route;
    private readonly RateLimitBucket _bucket;
    private bool _released;

    internal RateLimitLease(DiscordRateLimiter limiter, DiscordRoute route, RateLimitBucket bucket)
    {
        _limiter = limiter;
        _route = route;
        _bucket = bucket;
    }

    /// <summary>Records what the response said about the bucket; <paramref name="routeRetryAfter"/> after a route 429.</summary>
    public void Complete(HttpResponseHeaders headers, TimeSpan? routeRetryAfter = null) =>
        _limiter.Update(_route, _bucket, headers, routeRetryAfter);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_released) return;
        _released = true;
        _bucket.Gate.Release();
    }
}
