namespace Kuril.Bot.Daily;

/// <summary>
/// Subscriptions and the daily-post ledger. The ledger has one row per (channel, local date): claimed before a post
/// is sent and marked sent after, which is what makes a post happen at most once per channel per local day whatever
/// restarts or clock changes do. Implemented once (<see cref="SubscriptionStore"/>) for SQLite and for
/// PostgreSQL, where several instances share it; every method is atomic on its own.
/// </summary>
public interface ISubscriptionStore
{
    /// <summary>Creates or replaces a channel's subscription.</summary>
    Task SaveAsync(Subscription subscription, CancellationToken cancellationToken);

    /// <summary>Ends a channel's subscription; false when it had none.</summary>
    Task<bool> RemoveAsync(ChannelKey channel, CancellationToken cancellationToken);

    /// <summary>
    /// Moves a channel's subscription to a new id of the same channel (a Telegram group upgraded to a supergroup);
    /// a subscription already at the new id wins. False when the old id had none.
    /// </summary>
    Task<bool> MoveAsync(ChannelKey from, ChannelKey to, CancellationToken cancellationToken);

    /// <summary>A channel's subscription, if any.</summary>
    Task<Subscription?> FindAsync(ChannelKey channel, CancellationToken cancellationToken);

    /// <summary>Every subscription.</summary>
    Task<IReadOnlyList<Subscription>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Claims a channel's post for a local day until <paramref name="now"/> + <paramref name="lease"/>: a first claim,
    /// or the take-over of an unsent claim whose lease has ended (a crash between claim and send, or a failure whose
    /// retry time has come). Settled when the day's post was sent or the channel was gone; held otherwise.
    /// </summary>
    Task<DailyPostClaim> TryClaimAsync(ChannelKey channel, DateOnly localDate, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Marks a claimed post sending, right before a request that cannot be taken back leaves, and renews its lease to
    /// <paramref name="leaseUntil"/> so that the wait before it does not eat into the time the request has. False,
    /// changing nothing, when the claim is no longer <paramref name="attempt"/>'s: another sender took it over when
    /// its lease ended, and this one must not send.
    /// </summary>
    Task<bool> MarkSendingAsync(ChannelKey channel, DateOnly localDate, int attempt, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Marks a claimed post sent: that day is settled for that channel.</summary>
    Task MarkSentAsync(ChannelKey channel, DateOnly localDate, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Gives a claimed post back after a failure; it can be claimed again from <paramref name="retryAt"/>.</summary>
    Task MarkFailedAsync(ChannelKey channel, DateOnly localDate, DateTimeOffset retryAt, CancellationToken cancellationToken);

    /// <summary>The channel is gone: its subscription ends and the day is settled, in one step.</summary>
    Task MarkGoneAsync(ChannelKey channel, DateOnly localDate, DateTimeOffset now, CancellationToken cancellationToken);
}
