using System.Text.Json.Serialization;

namespace Kuril.Bot.Telegram.Api;

/// <summary>What a user types after <c>@BotName</c> in any chat.</summary>
/// <param name="Id">The query's id, to answer it.</param>
/// <param name="From">Who is typing.</param>
/// <param name="Query">The text.</param>
public sealed record TelegramInlineQuery(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("from")] TelegramUser? From,
    [property: JsonPropertyName("query")] string? Query);
