using System.Text.Json.Serialization;

namespace Kuril.Bot.Telegram.Api;

/// <summary>answerInlineQuery.</summary>
/// <param name="InlineQueryId">The query.</param>
/// <param name="Results">At most 10 articles (Telegram allows 50; more excerpts than that would not be read).</param>
/// <param name="CacheTime">Seconds Telegram may serve the same answer to the same query.</param>
public sealed record AnswerInlineQueryRequest(
    [property: JsonPropertyName("inline_query_id")] string InlineQueryId,
    [property: JsonPropertyName("results")] IReadOnlyList<InlineQueryResultArticle> Results,
    [property: JsonPropertyName("cache_time")] int CacheTime);
