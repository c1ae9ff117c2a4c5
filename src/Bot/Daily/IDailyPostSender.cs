using Kuril.Bot.Commands;
using Kuril.Bot.Replies;

namespace Kuril.Bot.Daily;

/// <summary>
/// Posts a daily post to a channel of one platform. One implementation per platform, registered as
/// <c>IDailyPostSender</c> when that platform is configured; channels of a platform without a sender wait.
/// </summary>
/// <remarks>
/// <para>The sender renders the platform-neutral <see cref="Reply"/> itself and goes through the platform client's
/// rate limiter, which is what spreads a large batch at the platform's ceiling.</para>
/// <para>The nonce is the same on every attempt for a channel and local day: a platform that can deduplicate on it
/// should (Discord's <c>nonce</c> with <c>enforce_nonce</c>), so a retry after a crash between send and bookkeeping
/// shows once.</para>
/// <para>Return <see cref="DailyPostResult.Gone"/> only when the channel is gone for good (403/404, blocked, kicked),
/// <see cref="DailyPostResult.Failed"/> for anything transient; an exception counts as a failure.</para>
/// </remarks>
public interface IDailyPostSender
{
    /// <summary>The platform whose channels this sender posts to.</summary>
    Platform Platform { get; }

    /// <summary>
    /// How many of this platform's posts may be under way at once; null for <see cref="DailyPostScheduler.ParallelPerPlatform"/>.
    /// A platform without a nonce wants few: each post under way when the process dies may be shown twice.
    /// </summary>
    int? MaxInFlight => null;

    /// <summary>Posts the reply to the channel.</summary>
    Task<DailyPostResult> SendAsync(string channelId, Reply post, string nonce, CancellationToken cancellationToken);

    /// <summary>
    /// Posts the reply to the channel, calling <paramref name="sending"/> right before each request leaves. A platform
    /// without a nonce calls it, so the ledger can tell a post that may have reached the platform before a crash from
    /// one that never left; a platform that deduplicates on the nonce need not (the default ignores it).
    /// </summary>
    Task<DailyPostResult> SendAsync(string channelId, Reply post, string nonce, Func<CancellationToken, Task> sending, CancellationToken cancellationToken) =>
        SendAsync(channelId, post, nonce, cancellationToken);
}
