using Kuril.Bot.Storage;

namespace Kuril.Bot.Telegram;

/// <summary>
/// Which Telegram updates were handled, in the bot's database. Each update is claimed by id before it is handled, so
/// of several instances (webhooks behind a load balancer, or a poller that took over) exactly one handles it, in
/// whatever order updates arrive; a claim is a lease, so an update whose handler died is handled again. The last
/// update handled per bot is kept apart: long polling resumes after it.
/// </summary>
public sealed class TelegramOffsetStore(BotDatabase database)
{
    /// <summary>How long a claimed update is held for its handler before another may take it over.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    // Claims are kept long enough to catch a redelivery, and far less than the week after which Telegram restarts its
    // update ids: a new sequence never meets an old claim.
    private static readonly TimeSpan Kept = TimeSpan.FromDays(2);

    // Pruning is a write: once an hour per process is plenty for claims kept two days, and keeps it off most updates.
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);
    private long _nextPruneTicks;

    /// <summary>The last update id handled for a bot, or null before the first.</summary>
    public async Task<long?> LastHandledAsync(long botId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand("SELECT last_update_id FROM telegram_offsets WHERE bot_id = @bot").With("@bot", botId);
        return await command.ExecuteScalarAsync(cancellationToken) is long id ? id : null;
    }

    /// <summary>
    /// Claims an update for this instance to handle: a first claim, or the take-over of a claim whose lease ended
    /// unhandled. Settled when it was handled; held while another handler's lease runs.
    /// </summary>
    public async Task<ClaimOutcome> TryClaimAsync(long botId, long updateId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (now.UtcTicks >= Interlocked.Read(ref _nextPruneTicks))
        {
            Interlocked.Exchange(ref _nextPruneTicks, (now + PruneEvery).UtcTicks);
            await using var prune = connection.CreateCommand("DELETE FROM telegram_updates WHERE lease_until < @old").With("@old", database.Instant(now - Kept));
            await prune.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var claim = connection.CreateCommand(
            """
            INSERT INTO telegram_updates (bot_id, update_id, state, lease_until) VALUES (@bot, @id, 'claimed', @lease)
            ON CONFLICT (bot_id, update_id) DO UPDATE SET lease_until = excluded.lease_until
                WHERE telegram_updates.state = 'claimed' AND telegram_updates.lease_until <= @now
            RETURNING update_id
            """)
            .With("@bot", botId)
            .With("@id", updateId)
            .With("@lease", database.Instant(now + Lease))
            .With("@now", database.Instant(now));
        await using var state = connection.CreateCommand("SELECT state FROM telegram_updates WHERE bot_id = @bot AND update_id = @id")
            .With("@bot", botId)
            .With("@id", updateId);
        return (await LeasedClaim.RunAsync(claim, state, cancellationToken)).Outcome;
    }

    /// <summary>Records a claimed update as handled, and as the last one handled (which polling resumes after).</summary>
    public async Task MarkHandledAsync(long botId, long updateId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var handled = connection.CreateCommand("UPDATE telegram_updates SET state = 'handled', lease_until = @now WHERE bot_id = @bot AND update_id = @id", transaction)
            .With("@bot", botId)
            .With("@id", updateId)
            .With("@now", database.Instant(now)))
        {
            await handled.ExecuteNonQueryAsync(cancellationToken);
        }

        // The latest, even if lower: Telegram may have started a new sequence of ids.
        await using (var last = connection.CreateCommand(
            """
            INSERT INTO telegram_offsets (bot_id, last_update_id) VALUES (@bot, @id)
            ON CONFLICT (bot_id) DO UPDATE SET last_update_id = excluded.last_update_id
            """,
            transaction)
            .With("@bot", botId)
            .With("@id", updateId))
        {
            await last.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
