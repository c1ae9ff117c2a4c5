using System.Globalization;
using Kuril.Bot.Commands;
using Kuril.Bot.Daily;
using Microsoft.Extensions.Logging;

namespace Kuril.Bot.Telegram;

/// <summary>
/// A group that was upgraded to a supergroup has a new chat id (Telegram says so in a <c>migrate_to_chat_id</c> service
/// message, or in a 400 error to a send): its daily-post subscription follows it there.
/// </summary>
public sealed class TelegramChatMigration(ISubscriptionStore subscriptions, ILogger<TelegramChatMigration> logger)
{
    /// <summary>Moves the chat's subscription, if any, to the supergroup's id.</summary>
    public async Task MoveAsync(long chatId, long supergroupId, CancellationToken cancellationToken)
    {
        TelegramLog.ChatMigrated(logger, chatId, supergroupId);
        await subscriptions.MoveAsync(Key(chatId), Key(supergroupId), cancellationToken);
    }

    private static ChannelKey Key(long chatId) => new(Platform.Telegram, chatId.ToString(CultureInfo.InvariantCulture));
}
