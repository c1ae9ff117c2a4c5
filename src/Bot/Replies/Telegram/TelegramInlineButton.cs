using System.Text.Json.Serialization;

namespace Kuril.Bot.Replies.Telegram;

/// <summary>An inline keyboard button that sends callback data.</summary>
/// <param name="Text">Its label.</param>
/// <param name="CallbackData">The token sent back; at most 64 bytes.</param>
public sealed record TelegramInlineButton(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("callback_data")] string CallbackData);
