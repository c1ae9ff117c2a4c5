using Kuril.Bot.Feedback;

namespace Kuril.Bot.Telegram;

/// <summary>
/// The last Telegram update handled, per bot, in the bot's database: polling resumes after it and a redelivered
/// update is skipped, so a restart answers nothing twice.
/// </summary>
public sealed class TelegramOffsetStore(BotDatabase database)
{
    /// <summary>The last update id handled for a bot, or null before the first.</summary>
    public long? LastHandled(long botId)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT last_update_id FROM telegram_offsets WHERE bot_id = $bot";
        command.Parameters.AddWithValue("$bot", botId);
        return command.ExecuteScalar() is long id ? id : null;
    }

    /// <summary>
    /// Whether an update was handled already. Telegram picks a new, random starting id after a week without updates,
    /// so only ids a little below the last one count as seen; a far lower id is a new sequence.
    /// </summary>
    public static bool AlreadyHandled(long? lastHandled, long updateId) =>
        lastHandled is { } last && updateId <= last && last - updateId < 100_000;

    /// <summary>Records an update as handled (the latest one, even if lower: see <see cref="AlreadyHandled"/>).</summary>
    public void MarkHandled(long botId, long updateId)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO telegram_offsets (bot_id, last_update_id) VALUES ($bot, $id)
            ON CONFLICT (bot_id) DO UPDATE SET last_update_id = excluded.last_update_id
            """;
        command.Parameters.AddWithValue("$bot", botId);
        command.Parameters.AddWithValue("$id", updateId);
        command.ExecuteNonQuery();
    }
}
