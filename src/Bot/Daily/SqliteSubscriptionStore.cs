using System.Globalization;
using Kuril.Bot.Commands;
using Kuril.Bot.Feedback;
using Microsoft.Data.Sqlite;

namespace Kuril.Bot.Daily;

/// <summary>
/// Subscriptions and the daily-post ledger in <c>bot.db</c>. Instants are stored as UTC round-trip text, which sorts
/// as time does, so lease comparisons happen in SQL.
/// </summary>
public sealed class SqliteSubscriptionStore(BotDatabase database) : ISubscriptionStore
{
    private const string Claimed = "claimed";
    private const string Sent = "sent";
    private const string Gone = "gone";

    /// <inheritdoc />
    public async Task SaveAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO subscriptions (platform, channel_id, local_time, zone, since) VALUES ($platform, $channel, $time, $zone, $since)
            ON CONFLICT (platform, channel_id) DO UPDATE SET local_time = excluded.local_time, zone = excluded.zone, since = excluded.since
            """;
        AddChannel(command, subscription.Channel);
        command.Parameters.AddWithValue("$time", subscription.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$zone", subscription.ZoneId);
        command.Parameters.AddWithValue("$since", Instant(subscription.Since));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> RemoveAsync(ChannelKey channel, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM subscriptions WHERE platform = $platform AND channel_id = $channel";
        AddChannel(command, channel);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <inheritdoc />
    public async Task<Subscription?> FindAsync(ChannelKey channel, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT platform, channel_id, local_time, zone, since FROM subscriptions WHERE platform = $platform AND channel_id = $channel";
        AddChannel(command, channel);
        var found = await ReadAsync(command, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Subscription>> ListAsync(CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT platform, channel_id, local_time, zone, since FROM subscriptions ORDER BY platform, channel_id";
        return await ReadAsync(command, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<DailyPostClaim> TryClaimAsync(ChannelKey channel, DateOnly localDate, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var claim = connection.CreateCommand();

        // A new row is a first claim; an existing one is taken over only while unsent and out of its lease.
        claim.CommandText = """
            INSERT INTO daily_posts (platform, channel_id, local_date, state, attempts, lease_until, updated_at)
            VALUES ($platform, $channel, $date, 'claimed', 1, $lease, $now)
            ON CONFLICT (platform, channel_id, local_date) DO UPDATE
                SET attempts = daily_posts.attempts + 1, lease_until = excluded.lease_until, updated_at = excluded.updated_at
                WHERE daily_posts.state = 'claimed' AND daily_posts.lease_until <= excluded.updated_at
            RETURNING attempts
            """;
        AddKey(claim, channel, localDate);
        claim.Parameters.AddWithValue("$lease", Instant(now + lease));
        claim.Parameters.AddWithValue("$now", Instant(now));
        var attempts = await claim.ExecuteScalarAsync(cancellationToken);
        if (attempts is not null and not DBNull) return new DailyPostClaim(ClaimOutcome.Claimed, Convert.ToInt32(attempts, CultureInfo.InvariantCulture));

        using var state = connection.CreateCommand();
        state.CommandText = "SELECT state FROM daily_posts WHERE platform = $platform AND channel_id = $channel AND local_date = $date";
        AddKey(state, channel, localDate);
        var current = (string?)await state.ExecuteScalarAsync(cancellationToken);
        return new DailyPostClaim(current == Claimed ? ClaimOutcome.Held : ClaimOutcome.Settled, 0);
    }

    /// <inheritdoc />
    public Task MarkSentAsync(ChannelKey channel, DateOnly localDate, DateTimeOffset now, CancellationToken cancellationToken) =>
        SetStateAsync(channel, localDate, Sent, now, now, cancellationToken);

    /// <inheritdoc />
    public Task MarkFailedAsync(ChannelKey channel, DateOnly localDate, DateTimeOffset retryAt, CancellationToken cancellationToken) =>
        SetStateAsync(channel, localDate, Claimed, retryAt, retryAt, cancellationToken);

    /// <inheritdoc />
    public async Task MarkGoneAsync(ChannelKey channel, DateOnly localDate, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        using var remove = connection.CreateCommand();
        remove.Transaction = transaction;
        remove.CommandText = "DELETE FROM subscriptions WHERE platform = $platform AND channel_id = $channel";
        AddChannel(remove, channel);
        await remove.ExecuteNonQueryAsync(cancellationToken);
        using var settle = connection.CreateCommand();
        settle.Transaction = transaction;
        settle.CommandText = "UPDATE daily_posts SET state = $state, lease_until = $now, updated_at = $now WHERE platform = $platform AND channel_id = $channel AND local_date = $date";
        AddKey(settle, channel, localDate);
        settle.Parameters.AddWithValue("$state", Gone);
        settle.Parameters.AddWithValue("$now", Instant(now));
        await settle.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task SetStateAsync(ChannelKey channel, DateOnly localDate, string state, DateTimeOffset leaseUntil, DateTimeOffset at, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE daily_posts SET state = $state, lease_until = $lease, updated_at = $at WHERE platform = $platform AND channel_id = $channel AND local_date = $date";
        AddKey(command, channel, localDate);
        command.Parameters.AddWithValue("$state", state);
        command.Parameters.AddWithValue("$lease", Instant(leaseUntil));
        command.Parameters.AddWithValue("$at", Instant(at));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<Subscription>> ReadAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var list = new List<Subscription>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!Enum.TryParse<Platform>(reader.GetString(0), out var platform)) continue; // a platform this build doesn't know
            list.Add(new Subscription(
                new ChannelKey(platform, reader.GetString(1)),
                TimeOnly.ParseExact(reader.GetString(2), "HH:mm", CultureInfo.InvariantCulture),
                reader.GetString(3),
                DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)));
        }

        return list;
    }

    private static void AddChannel(SqliteCommand command, ChannelKey channel)
    {
        command.Parameters.AddWithValue("$platform", channel.Platform.ToString());
        command.Parameters.AddWithValue("$channel", channel.ChannelId);
    }

    private static void AddKey(SqliteCommand command, ChannelKey channel, DateOnly localDate)
    {
        AddChannel(command, channel);
        command.Parameters.AddWithValue("$date", localDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static string Instant(DateTimeOffset instant) => instant.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
