using System.Text.Json.Serialization;

namespace Kuril.Bot.Replies.Telegram;

/// <summary>An inline keyboard.</summary>
/// <param name="InlineKeyboard">Rows of buttons.</param>
public sealed record TelegramInlineKeyboard(
    [property: JsonPropertyName("inline_keyboard")] IReadOnlyList<IReadOnlyList<TelegramInlineButton>> InlineKeyboard);
