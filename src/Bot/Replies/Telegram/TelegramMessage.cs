using System.Text.Json.Serialization;

namespace Kuril.Bot.Replies.Telegram;

/// <summary>The text part of a Telegram <c>sendMessage</c> / <c>editMessageText</c> call.</summary>
/// <param name="Text">HTML text.</param>
/// <param name="ReplyMarkup">Inline keyboard, on the last message of a reply only.</param>
public sealed record TelegramMessage(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("reply_markup"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TelegramInlineKeyboard? ReplyMarkup)
{
    /// <summary>Always HTML: it needs only <c>&amp; &lt; &gt;</c> escaped.</summary>
    [JsonPropertyName("parse_mode")]
    public string ParseMode { get; init; } = "HTML";
}
