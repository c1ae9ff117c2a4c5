using Kuril.Bot.Storage;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Commands;

/// <summary>
/// The per-user limit, kept in the bot's database so every instance sharing it counts against the same limit: up to
/// <see cref="CommandOptions.RateLimitPermits"/> requests at once, then one more each
/// <see cref="CommandOptions.RateLimitWindow"/> / <see cref="CommandOptions.RateLimitPermits"/>. A refused request is
/// answered at once with the wait, never queued; the user is told once per wait, so a flood costs one notice, not one
/// per message.
/// </summary>
public sealed class UserRateLimiter(SharedRateLimits limits, TimeProvider time, IOptions<CommandOptions> options)
{
    /// <summary>Takes a permit for the user, or says how long until one frees up and whether they were told already.</summary>
    /// <param name="userKey">The user, e.g. platform and user id.</param>
    /// <param name="cancellationToken">Cancels the database call.</param>
    public Task<RateLimitDecision> TryAcquireAsync(string userKey, CancellationToken cancellationToken)
    {
        var limit = options.Value;
        return limits.TryTakeAsync("user:" + userKey, limit.RateLimitPermits, limit.RateLimitWindow, time.GetUtcNow(), cancellationToken);
    }
}
