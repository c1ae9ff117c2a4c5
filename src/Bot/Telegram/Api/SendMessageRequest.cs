using System.Text.Json.Serialization;
using Kuril.Bot.Replies.Telegram;

namespace Kuril.Bot.Telegram.Api;

/// <summary>sendMessage, always in HTML parse mode, links without previews.</summary>
/// <param name="ChatId">Where.</param>
/// <param name="Text">HTML text, at most 4,096 characters after parsing.</param>
/// <param name="ParseMode">Always "HTML".</param>
/// <param name="ReplyMarkup">An inline keyboard.</param>
public sealed record SendMessageRequest(
    [property: JsonPropertyName("chat_id")] long ChatId,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("parse_mode")] string ParseMode,
    [property: JsonPropertyName("reply_markup"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TelegramInlineKeyboard? ReplyMarkup)
{
    /// <summary>Source links would otherwise unfurl into a preview bigger than the answer.</summary>
    [JsonPropertyName("link_preview_options")]
    public LinkPreviewOptions LinkPreview { get; init; } = LinkPreviewOptions.Disabled;
}
