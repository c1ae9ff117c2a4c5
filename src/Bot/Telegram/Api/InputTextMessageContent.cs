using System.Text.Json.Serialization;

namespace Kuril.Bot.Telegram.Api;

/// <summary>The message an inline result posts when chosen.</summary>
/// <param name="MessageText">HTML text.</param>
/// <param name="ParseMode">Always "HTML".</param>
public sealed record InputTextMessageContent(
    [property: JsonPropertyName("message_text")] string MessageText,
    [property: JsonPropertyName("parse_mode")] string ParseMode)
{
    /// <summary>No link preview.</summary>
    [JsonPropertyName("link_preview_options")]
    public LinkPreviewOptions LinkPreview { get; init; } = LinkPreviewOptions.Disabled;
}
