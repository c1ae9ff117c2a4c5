using Kuril.Bot.Hosting;
using Kuril.Bot.Replies.Telegram;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Kuril.Bot.Telegram;

/// <summary>
/// Sends and edits the bot's messages through Telegram.Bot, each waiting for its chat's slot under Telegram's send
/// limits (<see cref="TelegramSendLimiter"/>). A group that became a supergroup gets the rest of a reply at its new
/// id, and its subscription moves there.
/// </summary>
public sealed class TelegramSender(
    ITelegramBotClient bot,
    TelegramSendLimiter limiter,
    TelegramChatMigration migration,
    BotMetrics metrics,
    ILogger<TelegramSender> logger)
{
    /// <summary>
    /// Answers quote the corpus and cite links: a preview card of the first link would push the answer off screen.
    /// </summary>
    internal static readonly LinkPreviewOptions NoPreview = new() { IsDisabled = true };

    /// <summary>Sends one rendered message.</summary>
    public Task<Message> SendAsync(long chatId, TelegramMessage message, CancellationToken cancellationToken) =>
        SendAsync(chatId, message, sending: null, cancellationToken);

    /// <summary>Sends the parts of a reply in order.</summary>
    /// <returns>False when the chat is gone for the bot (blocked, kicked, deleted).</returns>
    public Task<bool> SendAllAsync(long chatId, IReadOnlyList<TelegramMessage> messages, CancellationToken cancellationToken) =>
        SendAllAsync(chatId, messages, sending: null, cancellationToken);

    /// <summary>
    /// Sends the parts of a reply in order, calling <paramref name="sending"/> after each part's wait for its slot and
    /// right before its request leaves.
    /// </summary>
    /// <returns>False when the chat is gone for the bot (blocked, kicked, deleted).</returns>
    public async Task<bool> SendAllAsync(long chatId, IReadOnlyList<TelegramMessage> messages, Func<CancellationToken, Task>? sending, CancellationToken cancellationToken)
    {
        var migrated = false;
        for (var i = 0; i < messages.Count; i++)
        {
            try
            {
                await SendAsync(chatId, messages[i], sending, cancellationToken);
            }
            catch (ApiRequestException e) when (e.ChatGone())
            {
                TelegramLog.ChatGone(logger, chatId, e.Message);
                return false;
            }
            catch (ApiRequestException e) when (e.Parameters?.MigrateToChatId is { } supergroup && !migrated)
            {
                await migration.MoveAsync(chatId, supergroup, cancellationToken);
                chatId = supergroup;
                migrated = true;
                i--;
            }
        }

        return true;
    }

    private async Task<Message> SendAsync(long chatId, TelegramMessage message, Func<CancellationToken, Task>? sending, CancellationToken cancellationToken)
    {
        await WaitForSlotAsync(chatId, cancellationToken);
        if (sending is not null) await sending(cancellationToken);
        return await bot.SendMessage(
            chatId,
            message.Text,
            parseMode: ParseMode.Html,
            replyMarkup: message.ReplyMarkup,
            linkPreviewOptions: NoPreview,
            cancellationToken: cancellationToken);
    }

    /// <summary>Replaces the text and keyboard of a message the bot sent; counts against the send limits too.</summary>
    public async Task EditAsync(long chatId, int messageId, TelegramMessage message, CancellationToken cancellationToken)
    {
        await WaitForSlotAsync(chatId, cancellationToken);
        await bot.EditMessageText(
            chatId,
            messageId,
            message.Text,
            parseMode: ParseMode.Html,
            replyMarkup: message.ReplyMarkup,
            linkPreviewOptions: NoPreview,
            cancellationToken: cancellationToken);
    }

    private async Task WaitForSlotAsync(long chatId, CancellationToken cancellationToken)
    {
        if (await limiter.WaitAsync(chatId, cancellationToken) > TimeSpan.Zero) metrics.RateLimitWait("telegram");
    }
}
