using System.Data.Common;
using System.Globalization;
using Kuril.Bot.Commands;
using Kuril.Bot.Storage;

namespace Kuril.Bot.Daily;

/// <summary>
/// Subscriptions and the daily-post ledger in the bot's database, SQLite or PostgreSQL. A claim is one
/// <c>INSERT … ON CONFLICT DO UPDATE … WHERE</c>: atomic on both, so of several instances claiming the same
/// (channel, local date) at once exactly one gets it, and lease comparisons happen in SQL.
/// </summary>
public sealed class SubscriptionStore(BotDatabase database) : ISubscriptionStore
{
    private const string Sent = "sent";
    private const string Gone = "gone";

    /// <inheritdoc />
    public async Task SaveAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand(
            """
            INSERT INTO subscriptions (platform, channel_id, local_time, zone, since) VALUES (@platform, @channel, @time, @zone, @since)
            ON CONFLICT (platform, channel_id) DO UPDATE SET local_time = excluded.local_time, zone = excluded.zone, since = excluded.since
            """)
            .WithChannel(subscription.Channel)
            .With("@time", subscription.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture))
            .With("@zone", subscription.ZoneId)
            .With("@since", database.Instant(subscription.Since));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> RemoveAsync(ChannelKey channel, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand("DELETE FROM subscriptions WHERE platform = @platform AND channel_id = @channel").WithChannel(channel);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <inheritdoc />
    public async Task<bool> MoveAsync(ChannelKey from, ChannelKey to, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var move = connection.CreateCommand(
            """
            UPDATE subscriptions SET channel_id = @to WHERE platform = @platform AND channel_id = @channel
                AND NOT EXISTS (SELECT 1 FROM subscriptions WHERE platform = @platform AND channel_id = @to)
            """)
            .WithChannel(from)
            .With("@to", to.ChannelId);
        if (await move.ExecuteNonQueryAsync(cancellationToken) > 0) return true;
        return await RemoveAsync(from, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Subscription?> FindAsync(ChannelKey channel, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand("SELECT platform, channel_id, local_time, zone, since FROM subscriptions WHERE platform = @platform AND channel_id = @channel").WithChannel(channel);
        var found = await ReadAsync(command, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Subscription>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand("SELECT platform, channel_id, local_time, zone, since FROM subscriptions ORDER BY platform, channel_id");
        return await ReadAsync(command, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<DailyPostClaim> TryClaimAsync(ChannelKey channel, DateOnly localDate, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);

        // A new row is a first claim; an existing one is taken over only while unsent and out of its lease.
        await using var claim = connection.CreateCommand(
            """
            INSERT INTO daily_posts (platform, channel_id, local_date, state, attempts, lease_until, updated_at)
            VALUES (@platform, @channel, @date, 'claimed', 1, @lease, @now)
            ON CONFLICT (platform, channel_id, local_date) DO UPDATE
                SET attempts = daily_posts.attempts + 1, lease_until = excluded.lease_until, updated_at = excluded.updated_at
                WHERE daily_posts.state IN ('claimed', 'sending') AND daily_posts.lease_until <= excluded.updated_at
            RETURNING attempts
            """)
            .WithDay(channel, localDate)
            .With("@lease", database.Instant(now + lease))
            .With("@now", database.Instant(now));
        await using var state = connection.CreateCommand("SELECT state FROM daily_posts WHERE platform = @platform AND channel_id = @channel AND local_date = @date").WithDay(channel, localDate);
        var (outcome, attempts) = await LeasedClaim.RunAsync(claim, state, cancellationToken);
        var attempt = attempts is null ? 0 : Convert.ToInt32(attempts, CultureInfo.InvariantCulture);

        // A take-over keeps the row's state, so it still says whether the attempt before had a request under way.
        var maySent = outcome == ClaimOutcome.Claimed && attempt > 1 && (string?)await state.ExecuteScalarAsync(cancellationToken) == LeasedClaim.SendingState;
        return new DailyPostClaim(outcome, attempt, maySent);
    }

    /// <inheritdoc />
    public async Task<bool> MarkSendingAsync(ChannelKey channel, DateOnly localDate, int attempt, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        // The attempt count is the claim's fencing token: each take-over raises it.
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand("UPDATE daily_posts SET state = @state, lease_until = @lease, updated_at = @at WHERE platform = @platform AND channel_id = @channel AND local_date = @date AND state IN ('claimed', 'sending') AND attempts = @attempt")
            .WithDay(channel, localDate)
            .With("@state", LeasedClaim.SendingState)
            .With("@attempt", attempt)
            .With("@lease", database.Instant(leaseUntil))
            .With("@at", database.Instant(now));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <inheritdoc />
    public Task MarkSentAsync(ChannelKey channel, DateOnly localDate, DateTimeOffset now, CancellationToken cancellationToken) =>
        SetStateAsync(channel, localDate, Sent, now, now, cancellationToken);

    /// <inheritdoc />
    public Task MarkFailedAsync(ChannelKey channel, DateOnly localDate, DateTimeOffset retryAt, CancellationToken cancellationToken) =>
        SetStateAsync(channel, localDate, LeasedClaim.ClaimedState, retryAt, retryAt, cancellationToken);

    /// <inheritdoc />
    public async Task MarkGoneAsync(ChannelKey channel, DateOnly localDate, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var remove = connection.CreateCommand("DELETE FROM subscriptions WHERE platform = @platform AND channel_id = @channel", transaction).WithChannel(channel))
        {
            await remove.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var settle = connection.CreateCommand("UPDATE daily_posts SET state = @state, lease_until = @now, updated_at = @now WHERE platform = @platform AND channel_id = @channel AND local_date = @date", transaction)
            .WithDay(channel, localDate)
            .With("@state", Gone)
            .With("@now", database.Instant(now)))
        {
            await settle.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task SetStateAsync(ChannelKey channel, DateOnly localDate, string state, DateTimeOffset leaseUntil, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand("UPDATE daily_posts SET state = @state, lease_until = @lease, updated_at = @at WHERE platform = @platform AND channel_id = @channel AND local_date = @date")
            .WithDay(channel, localDate)
            .With("@state", state)
            .With("@lease", database.Instant(leaseUntil))
            .With("@at", database.Instant(at));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<Subscription>> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var list = new List<Subscription>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!Enum.TryParse<Platform>(reader.GetString(0), out var platform)) continue; // a platform this build doesn't know
            list.Add(new Subscription(
                new ChannelKey(platform, reader.GetString(1)),
                TimeOnly.ParseExact(reader.GetString(2), "HH:mm", CultureInfo.InvariantCulture),
                reader.GetString(3),
                await reader.GetFieldValueAsync<DateTimeOffset>(4, cancellationToken)));
        }

        return list;
    }
}
