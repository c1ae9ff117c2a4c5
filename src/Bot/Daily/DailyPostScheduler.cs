using System.Collections.Concurrent;
using Kuril.Bot.Commands;
using Kuril.Bot.Hosting;
using Kuril.Bot.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Daily;

/// <summary>
/// The daily post's "when": each round, every subscription whose post time today (local day, its zone) has come is
/// claimed in the ledger, built by <see cref="DailyPostBuilder"/> and sent through its platform's sender. Time is only
/// what the caller passes in, so a test can run a year of rounds in seconds; <see cref="DailyPostService"/> is the
/// thin loop that calls it in production.
/// </summary>
/// <remarks>
/// Only today's post is ever sent: after downtime, a post missed today goes out at the first round, older ones are
/// skipped. A claim left unsent by a crash is taken over once its lease ends and sent again with the same nonce.
/// </remarks>
public sealed class DailyPostScheduler(
    ISubscriptionStore store,
    DailyPostBuilder builder,
    IEnumerable<IDailyPostSender> senders,
    TimeProvider time,
    BotMetrics metrics,
    IOptions<DailyPostOptions> options,
    ILogger<DailyPostScheduler> logger)
{
    /// <summary>How long a claim is held before another round (or instance) may take it over, unless configured.</summary>
    public static readonly TimeSpan Lease = new DailyPostOptions().Lease;

    /// <summary>
    /// The longest first wait after a failure (the wait is jittered between half and all of it); it doubles with each
    /// attempt up to <see cref="MaxBackoff"/>.
    /// </summary>
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromMinutes(1);

    /// <summary>The ceiling of the wait between two attempts.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Channels of one platform posted at once, unless its sender asks for fewer. The rate limiter, not this, sets the
    /// pace, so it only has to cover a post's round trip at the platform's ceiling: 50 posts a second taking 150 ms
    /// each need 8 in flight, and with 4 a 100,000-channel batch ran at half of Discord's ceiling (bench). 32 keeps the
    /// ceiling up to 640 ms a post.
    /// </summary>
    public const int ParallelPerPlatform = 32;

    private readonly Dictionary<Platform, IDailyPostSender> _senders = senders.ToDictionary(s => s.Platform);
    private readonly TimeSpan _lease = options.Value.Lease;

    // Days known settled, so that later rounds the same day don't ask the store again.
    private readonly ConcurrentDictionary<(ChannelKey, DateOnly), bool> _settled = new();

    /// <summary>The platforms that have a sender.</summary>
    public IReadOnlyCollection<Platform> Platforms => _senders.Keys;

    /// <summary>Sends every post due at <paramref name="now"/> and not yet sent today; returns how many were sent.</summary>
    public async Task<int> RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        ForgetOldDays(now);
        var due = new List<(Subscription Subscription, DateOnly LocalDate)>();
        foreach (var subscription in await store.ListAsync(cancellationToken))
        {
            if (!_senders.ContainsKey(subscription.Channel.Platform)) continue;
            if (subscription.FindZone() is not { } zone)
            {
                DailyLog.UnknownZone(logger, subscription.Channel, subscription.ZoneId);
                continue;
            }

            var today = DailyTrigger.LocalDate(now, zone);
            var at = DailyTrigger.PostTime(today, subscription.LocalTime, zone);
            if (at > now || at < subscription.Since || _settled.ContainsKey((subscription.Channel, today))) continue;
            due.Add((subscription, today));
        }

        if (due.Count == 0) return 0;
        var sent = 0;
        var platforms = due.GroupBy(d => d.Subscription.Channel.Platform).Select(group => Parallel.ForEachAsync(
            group,
            new ParallelOptions { MaxDegreeOfParallelism = _senders[group.Key].MaxInFlight ?? ParallelPerPlatform, CancellationToken = cancellationToken },
            async (item, ct) =>
            {
                if (await PostAsync(item.Subscription.Channel, item.LocalDate, now, ct)) Interlocked.Increment(ref sent);
            }));
        await Task.WhenAll(platforms);
        return sent;
    }

    /// <summary>
    /// The next instant after <paramref name="now"/> at which some subscription's post falls due; null without any.
    /// </summary>
    public async Task<DateTimeOffset?> NextDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        DateTimeOffset? next = null;
        foreach (var subscription in await store.ListAsync(cancellationToken))
        {
            if (!_senders.ContainsKey(subscription.Channel.Platform) || subscription.FindZone() is not { } zone) continue;
            var at = DailyTrigger.NextPostTime(subscription, zone, now);
            if (next is null || at < next) next = at;
        }

        return next;
    }

    // Claim, send, record. True when this call posted. The lease runs from the claim, not from the round's start: a
    // round of many posts outlasts a lease, and another instance must not take over a claim that was only just made.
    private async Task<bool> PostAsync(ChannelKey channel, DateOnly localDate, DateTimeOffset round, CancellationToken cancellationToken)
    {
        var now = Later(round, time.GetUtcNow());
        var claim = await store.TryClaimAsync(channel, localDate, now, _lease, cancellationToken);
        if (claim.Outcome == ClaimOutcome.Settled) _settled[(channel, localDate)] = true;
        if (claim.Outcome != ClaimOutcome.Claimed) return false;
        if (claim.MayHaveBeenSent) DailyLog.MaySendTwice(logger, channel, localDate, claim.Attempt);

        var retryAt = now + Backoff(claim.Attempt);

        // Right before a request the platform cannot deduplicate: from here a crash may leave a post the next sender
        // repeats, and the lease starts again so the rate limiter's wait before it does not shorten the request's time.
        // A claim taken over during that wait is the other sender's to send.
        async Task Sending(CancellationToken ct)
        {
            var at = Later(round, time.GetUtcNow());
            if (!await store.MarkSendingAsync(channel, localDate, claim.Attempt, at, at + _lease, ct)) throw new DailyPostTakenOverException();
        }

        DailyPostResult result;
        try
        {
            var post = builder.Build(localDate);
            result = post is null ? DailyPostResult.Failed : await _senders[channel.Platform].SendAsync(channel.ChannelId, post, DailyPostClaim.Nonce(localDate), Sending, cancellationToken);
        }
        catch (DailyPostTakenOverException)
        {
            DailyLog.TakenOver(logger, channel, localDate, claim.Attempt);
            return false;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            DailyLog.PostThrew(logger, channel, localDate, claim.Attempt, retryAt, e);
            metrics.Post(channel.Platform, "failed");
            await store.MarkFailedAsync(channel, localDate, retryAt, cancellationToken);
            return false;
        }

        metrics.Post(channel.Platform, result switch
        {
            DailyPostResult.Sent => "sent",
            DailyPostResult.Gone => "gone",
            _ => "failed",
        });
        switch (result)
        {
            case DailyPostResult.Sent:
                await store.MarkSentAsync(channel, localDate, Later(round, time.GetUtcNow()), cancellationToken);
                _settled[(channel, localDate)] = true;
                DailyLog.PostSent(logger, channel, localDate, claim.Attempt);
                return true;
            case DailyPostResult.Gone:
                await store.MarkGoneAsync(channel, localDate, now, cancellationToken);
                _settled[(channel, localDate)] = true;
                DailyLog.ChannelGone(logger, channel);
                return false;
            default:
                await store.MarkFailedAsync(channel, localDate, retryAt, cancellationToken);
                DailyLog.PostFailed(logger, channel, localDate, claim.Attempt, retryAt);
                return false;
        }
    }

    // Every zone's today is within a day of UTC's, so days two before UTC's are over everywhere.
    private void ForgetOldDays(DateTimeOffset now)
    {
        var over = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-2);
        foreach (var key in _settled.Keys)
        {
            if (key.Item2 < over) _settled.TryRemove(key, out _);
        }
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    // Jittered, so that channels failing together (a platform outage) are not all retried in the same minute.
    private static TimeSpan Backoff(int attempt) => Hosting.Backoff.After(attempt, FirstBackoff, MaxBackoff);
}
