using System.Net;
using System.Text.Json;
using Kuril.Bot.Hosting;
using Microsoft.Extensions.Logging;

namespace Kuril.Bot.Discord.Rest;

/// <summary>
/// Discord's rate limits inside the HTTP resilience pipeline: every attempt (a retry too) waits for its route's bucket
/// and the global pace (<see cref="DiscordRateLimiter"/>), and what the response says about the bucket is recorded. A
/// 429 closes its bucket for <c>retry_after</c>, or pauses every route when global; the pipeline then retries.
/// </summary>
public sealed class DiscordRateLimitHandler(DiscordRateLimiter limiter, BotMetrics metrics, TimeProvider time, ILogger<DiscordRateLimitHandler> logger) : DelegatingHandler
{
    /// <summary>The request option naming the route a request is on; requests without it pass unlimited.</summary>
    public static readonly HttpRequestOptionsKey<DiscordRoute> RouteKey = new("kuril.discord.route");

    // Taking a free slot costs microseconds; a request held this long waited for a limit.
    private static readonly TimeSpan MeasurableWait = TimeSpan.FromMilliseconds(1);

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(RouteKey, out var route)) return await base.SendAsync(request, cancellationToken);
        var asked = time.GetTimestamp();
        using var lease = await limiter.AcquireAsync(route, cancellationToken);
        if (time.GetElapsedTime(asked) >= MeasurableWait) metrics.RateLimitWait("discord");
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.TooManyRequests)
        {
            lease.Complete(response.Headers);
            return response;
        }

        var retryAfter = await RetryAfter.ReadAsync(response, cancellationToken) ?? TimeSpan.FromSeconds(1);
        var global = await IsGlobalAsync(response, cancellationToken);
        lease.Complete(response.Headers, global ? null : retryAfter);
        if (global) limiter.PauseAll(retryAfter);
        DiscordLog.RateLimited(logger, route.Template, retryAfter.TotalSeconds, global);
        return response;
    }

    // Discord marks a global limit in a header and in the body's "global"; the body was buffered by RetryAfter.
    private static async Task<bool> IsGlobalAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Headers.TryGetValues("X-RateLimit-Global", out var flags) && flags.Any(f => f.Equals("true", StringComparison.OrdinalIgnoreCase))) return true;
        try
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("global", out var global) && global.ValueKind == JsonValueKind.True;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
