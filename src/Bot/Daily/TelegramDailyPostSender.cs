using System.Globalization;
using Kuril.Bot.Commands;
using Kuril.Bot.Replies;
using Kuril.Bot.Replies.Telegram;
using Kuril.Bot.Telegram;
using Telegram.Bot.Exceptions;

namespace Kuril.Bot.Daily;

/// <summary>
/// Posts to a Telegram chat through <see cref="TelegramSender"/> (and so its per-chat, per-group and overall send limits).
/// Telegram has no nonce to fold a repeated send into one, and a bot cannot read a chat's history to see whether a
/// post arrived, so a retry after a crash between Telegram's accepting a message and the ledger's recording it shows
/// twice; the ledger marks each request sending right before it leaves, which keeps that window to the round trip
/// and lets the retry say (event 5010) that it may repeat a post.
/// </summary>
public sealed class TelegramDailyPostSender(TelegramSender sender) : IDailyPostSender
{
    /// <summary>
    /// The posts a crash can leave for the next sender to repeat. Telegram takes 30 messages a second in all, so 8
    /// under way keep that pace while a post's round trip and ledger writes take up to 260 ms; a restarted process,
    /// whose limiter starts full, would otherwise have 32 requests out at once.
    /// </summary>
    public const int PostsInFlight = 8;

    /// <inheritdoc />
    public Platform Platform => Platform.Telegram;

    /// <inheritdoc />
    public int? MaxInFlight => PostsInFlight;

    /// <inheritdoc />
    public Task<DailyPostResult> SendAsync(string channelId, Reply post, string nonce, CancellationToken cancellationToken) =>
        SendAsync(channelId, post, nonce, _ => Task.CompletedTask, cancellationToken);

    /// <inheritdoc />
    public async Task<DailyPostResult> SendAsync(string channelId, Reply post, string nonce, Func<CancellationToken, Task> sending, CancellationToken cancellationToken)
    {
        if (!long.TryParse(channelId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chatId)) return DailyPostResult.Gone;
        try
        {
            var delivered = await sender.SendAllAsync(chatId, TelegramReplyRenderer.Render(post with { ForRequesterOnly = false }), sending, cancellationToken);
            return delivered ? DailyPostResult.Sent : DailyPostResult.Gone;
        }
        catch (RequestException)
        {
            return DailyPostResult.Failed;
        }
    }
}
