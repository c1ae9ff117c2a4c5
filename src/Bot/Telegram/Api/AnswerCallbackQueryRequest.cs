using System.Text.Json.Serialization;

namespace Kuril.Bot.Telegram.Api;

/// <summary>answerCallbackQuery: stops the button's spinner, optionally with a short notice.</summary>
/// <param name="CallbackQueryId">The query.</param>
/// <param name="Text">A notice of up to 200 characters, shown to the presser only.</param>
public sealed record AnswerCallbackQueryRequest(
    [property: JsonPropertyName("callback_query_id")] string CallbackQueryId,
    [property: JsonPropertyName("text"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Text);
