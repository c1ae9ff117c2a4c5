using System.Globalization;
using Kuril.Bot.Commands;
using Kuril.Bot.Replies;
using Kuril.Bot.Replies.Telegram;
using Kuril.Bot.Telegram;
using Kuril.Bot.Telegram.Api;
using Microsoft.Extensions.Logging;

namespace Kuril.Bot.Daily;

/// <summary>
/// Posts to a Telegram chat through the Bot API client (and so its per-chat, per-group and overall send limits).
/// Telegram has no nonce to fold a repeated send into one, so a retry after a crash between send and bookkeeping can
/// show twice there; the ledger keeps that to the rare crash.
/// </summary>
public sealed class TelegramDailyPostSender(TelegramApiClient api, ILogger<TelegramDailyPostSender> logger) : IDailyPostSender
{
    /// <inheritdoc />
    public Platform Platform => Platform.Telegram;

    /// <inheritdoc />
    public async Task<DailyPostResult> SendAsync(string channelId, Reply post, string nonce, CancellationToken cancellationToken)
    {
        if (!long.TryParse(channelId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chatId)) return DailyPostResult.Gone;
        var messages = TelegramReplyRenderer.Render(post with { ForRequesterOnly = false });
        var migrated = false;
        for (var i = 0; i < messages.Count; i++)
        {
            try
            {
                await api.SendMessageAsync(chatId, messages[i], cancellationToken);
            }
            catch (TelegramChatGoneException e)
            {
                TelegramLog.ChatGone(logger, chatId, e.Description);
                return DailyPostResult.Gone;
            }
            catch (TelegramApiException e) when (e.MigrateToChatId is { } supergroup && !migrated)
            {
                // The group became a supergroup: today's post goes to its new id.
                TelegramLog.ChatMigrated(logger, chatId, supergroup);
                chatId = supergroup;
                migrated = true;
                i--;
            }
            catch (Exception e) when (e is TelegramApiException or HttpRequestException)
            {
                return DailyPostResult.Failed;
            }
        }

        return DailyPostResult.Sent;
    }
}
