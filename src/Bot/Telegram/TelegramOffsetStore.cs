using Kuril.Bot.Storage;

namespace Kuril.Bot.Telegram;

/// <summary>
/// The last Telegram update handled, per bot, in the bot's database: polling resumes after it (on whichever instance
/// leads polling) and a redelivered update is skipped, so a restart answers nothing twice.
/// </summary>
public sealed class TelegramOffsetStore(BotDatabase database)
{
    /// <summary>The last update id handled for a bot, or null before the first.</summary>
    public async Task<long?> LastHandledAsync(long botId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand("SELECT last_update_id FROM telegram_offsets WHERE bot_id = @bot").With("@bot", botId);
        return await command.ExecuteScalarAsync(cancellationToken) is long id ? id : null;
    }

    /// <summary>
    /// Whether an update was handled already. Telegram picks a new, random starting id after a week without updates,
    /// so only ids a little below the last one count as seen; a far lower id is a new sequence.
    /// </summary>
    public static bool AlreadyHandled(long? lastHandled, long updateId) =>
        lastHandled is { } last && updateId <= last && last - updateId < 100_000;

    /// <summary>Records an update as handled (the latest one, even if lower: see <see cref="AlreadyHandled"/>).</summary>
    public async Task MarkHandledAsync(long botId, long updateId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand(
            """
            INSERT INTO telegram_offsets (bot_id, last_update_id) VALUES (@bot, @id)
            ON CONFLICT (bot_id) DO UPDATE SET last_update_id = excluded.last_update_id
            """)
            .With("@bot", botId)
            .With("@id", updateId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
