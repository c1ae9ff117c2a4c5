using Telegram.Bot.Types.ReplyMarkups;

namespace Kuril.Bot.Replies.Telegram;

/// <summary>The text part of a Telegram <c>sendMessage</c> / <c>editMessageText</c> call, always in HTML.</summary>
/// <param name="Text">HTML text: it needs only <c>&amp; &lt; &gt;</c> escaped.</param>
/// <param name="ReplyMarkup">Inline keyboard, on the last message of a reply only.</param>
public sealed record TelegramMessage(string Text, InlineKeyboardMarkup? ReplyMarkup);
