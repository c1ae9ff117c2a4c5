using System.Text.Json.Serialization;

namespace Kuril.Bot.Telegram.Api;

/// <summary>A message, as received in an update or returned by sendMessage.</summary>
/// <param name="MessageId">Its id within the chat.</param>
/// <param name="Date">Unix time; 64-bit because some servers (the emulator) send milliseconds.</param>
/// <param name="Chat">The chat it is in.</param>
/// <param name="From">The sender; absent in channels.</param>
/// <param name="Text">Its text, if a text message.</param>
public sealed record TelegramMessageInfo(
    [property: JsonPropertyName("message_id")] long MessageId,
    [property: JsonPropertyName("date")] long Date,
    [property: JsonPropertyName("chat")] TelegramChat? Chat,
    [property: JsonPropertyName("from")] TelegramUser? From,
    [property: JsonPropertyName("text")] string? Text);
