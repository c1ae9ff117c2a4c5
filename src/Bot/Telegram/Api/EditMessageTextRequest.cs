using System.Text.Json.Serialization;
using Kuril.Bot.Replies.Telegram;

namespace Kuril.Bot.Telegram.Api;

/// <summary>editMessageText: replaces a message the bot sent (the page a "More" button was under).</summary>
/// <param name="ChatId">The chat.</param>
/// <param name="MessageId">The message.</param>
/// <param name="Text">New HTML text.</param>
/// <param name="ParseMode">Always "HTML".</param>
/// <param name="ReplyMarkup">The new inline keyboard.</param>
public sealed record EditMessageTextRequest(
    [property: JsonPropertyName("chat_id")] long ChatId,
    [property: JsonPropertyName("message_id")] long MessageId,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("parse_mode")] string ParseMode,
    [property: JsonPropertyName("reply_markup"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TelegramInlineKeyboard? ReplyMarkup)
{
    /// <summary>As for new messages: no link preview.</summary>
    [JsonPropertyName("link_preview_options")]
    public LinkPreviewOptions LinkPreview { get; init; } = LinkPreviewOptions.Disabled;
}
