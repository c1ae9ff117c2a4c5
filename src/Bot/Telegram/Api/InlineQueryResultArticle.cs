using System.Text.Json.Serialization;

namespace Kuril.Bot.Telegram.Api;

/// <summary>An article result of an inline query: one cited excerpt.</summary>
/// <param name="Id">Unique within the answer, at most 64 bytes.</param>
/// <param name="Title">What the result list shows.</param>
/// <param name="Description">The line under the title.</param>
/// <param name="InputMessageContent">What is posted when it is chosen.</param>
public sealed record InlineQueryResultArticle(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("input_message_content")] InputTextMessageContent InputMessageContent)
{
    /// <summary>The result type.</summary>
    [JsonPropertyName("type")]
    public string Type { get; } = "article";
}
