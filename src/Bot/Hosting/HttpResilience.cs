using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Kuril.Bot.Hosting;

/// <summary>
/// The one resilience pipeline of the platforms' HTTP clients (Discord REST, Telegram Bot API): the standard handler
/// (rate limiter, total timeout, retry, circuit breaker, attempt timeout) whose retries wait as long as the platform
/// asked (<see cref="RetryAfter"/>) and back off exponentially with jitter otherwise. No other HTTP retry exists.
/// </summary>
public static class HttpResilience
{
    /// <summary>Retries after the first attempt.</summary>
    public const int Retries = 4;

    /// <summary>
    /// Adds the pipeline. <paramref name="attemptTimeout"/> bounds one attempt (a long poll needs more than a send);
    /// the whole call, waits included, may take the attempts plus the longest honoured wait.
    /// </summary>
    public static IHttpClientBuilder AddPlatformResilience(this IHttpClientBuilder builder, TimeSpan attemptTimeout)
    {
        builder.AddStandardResilienceHandler(options =>
        {
            options.AttemptTimeout.Timeout = attemptTimeout;
            options.TotalRequestTimeout.Timeout = (attemptTimeout * (Retries + 1)) + RetryAfter.Max;
            options.CircuitBreaker.SamplingDuration = attemptTimeout * 2;
            options.Retry.MaxRetryAttempts = Retries;
            options.Retry.UseJitter = true;
            options.Retry.Delay = TimeSpan.FromSeconds(1);
            options.Retry.DelayGenerator = async args =>
                args.Outcome.Result is { } response ? await RetryAfter.ReadAsync(response, args.Context.CancellationToken) : null;

            // A 429 is the platform pacing the bot, not the platform failing: it must not open the circuit.
            options.CircuitBreaker.ShouldHandle = args => ValueTask.FromResult(
                HttpClientResiliencePredicates.IsTransient(args.Outcome) && args.Outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests);

            // The platforms' own limiters pace the calls; this only bounds how many wait at once (a large daily batch).
            options.RateLimiter.DefaultRateLimiterOptions.PermitLimit = 1000;
            options.RateLimiter.DefaultRateLimiterOptions.QueueLimit = 100_000;
        });
        return builder;
    }
}
