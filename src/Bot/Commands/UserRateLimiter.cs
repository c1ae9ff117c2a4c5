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
public sealed class UserRateLimiter(SharedRateLimits limits, UserIdHasher ids, TimeProvider time, IOptions<CommandOptions> options)
{
    /// <summary>Takes a permit for the user, or says how long until one frees up and whether they were told already.</summary>
    /// <param name="platform">The user's platform.</param>
    /// <param name="userId">The user's id there; stored keyed, as every user id is (see <see cref="UserIdHasher"/>).</param>
    /// <param name="cancellationToken">Cancels the database call.</param>
    public Task<RateLimitDecision> TryAcquireAsync(Platform platform, string userId, CancellationToken cancellationToken)
    {
        var limit = options.Value;
        return limits.TryTakeAsync("user:" + ids.Hash(platform, userId), limit.RateLimitPermits, limit.RateLimitWindow, time.GetUtcNow(), cancellationToken);
    }
}
