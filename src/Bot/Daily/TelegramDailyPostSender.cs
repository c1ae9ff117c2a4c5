using System.Globalization;
using Kuril.Bot.Commands;
using Kuril.Bot.Replies;
using Kuril.Bot.Replies.Telegram;
using Kuril.Bot.Telegram;
using Telegram.Bot.Exceptions;

namespace Kuril.Bot.Daily;

/// <summary>
/// Posts to a Telegram chat through <see cref="TelegramSender"/> (and so its per-chat, per-group and overall send limits).
/// Telegram has no nonce to fold a repeated send into one, so a retry after a crash between send and bookkeeping can
/// show twice there; the ledger keeps that to the rare crash.
/// </summary>
public sealed class TelegramDailyPostSender(TelegramSender sender) : IDailyPostSender
{
    /// <inheritdoc />
    public Platform Platform => Platform.Telegram;

    /// <inheritdoc />
    public async Task<DailyPostResult> SendAsync(string channelId, Reply post, string nonce, CancellationToken cancellationToken)
    {
        if (!long.TryParse(channelId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chatId)) return DailyPostResult.Gone;
        try
        {
            var delivered = await sender.SendAllAsync(chatId, TelegramReplyRenderer.Render(post with { ForRequesterOnly = false }), cancellationToken);
            return delivered ? DailyPostResult.Sent : DailyPostResult.Gone;
        }
        catch (RequestException)
        {
            return DailyPostResult.Failed;
        }
    }
}
