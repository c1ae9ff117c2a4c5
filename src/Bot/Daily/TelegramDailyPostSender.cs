using System.Globalization;
using Kuril.Bot.Commands;
using Kuril.Bot.Replies;
using Kuril.Bot.Replies.Telegram;
using Kuril.Bot.Telegram.Api;

namespace Kuril.Bot.Daily;

/// <summary>
/// Posts to a Telegram chat through the Bot API client (and so its per-chat, per-group and overall send limits).
/// Telegram has no nonce to fold a repeated send into one, so a retry after a crash between send and bookkeeping can
/// show twice there; the ledger keeps that to the rare crash.
/// </summary>
public sealed class TelegramDailyPostSender(TelegramApiClient api) : IDailyPostSender
{
    /// <inheritdoc />
    public Platform Platform => Platform.Telegram;

    /// <inheritdoc />
    public async Task<DailyPostResult> SendAsync(string channelId, Reply post, string nonce, CancellationToken cancellationToken)
    {
        if (!long.TryParse(channelId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chatId)) return DailyPostResult.Gone;
        try
        {
            var delivered = await api.SendMessagesAsync(chatId, TelegramReplyRenderer.Render(post with { ForRequesterOnly = false }), cancellationToken);
            return delivered ? DailyPostResult.Sent : DailyPostResult.Gone;
        }
        catch (Exception e) when (e is TelegramApiException or HttpRequestException)
        {
            return DailyPostResult.Failed;
        }
    }
}
