using System.Text.Json.Serialization;

namespace Kuril.Bot.Telegram.Api;

/// <summary>A press on an inline keyboard button.</summary>
/// <param name="Id">The query's id, to answer it.</param>
/// <param name="From">Who pressed.</param>
/// <param name="Message">The message the button is under, if still accessible.</param>
/// <param name="Data">The button's callback data.</param>
public sealed record TelegramCallbackQuery(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("from")] TelegramUser? From,
    [property: JsonPropertyName("message")] TelegramMessageInfo? Message,
    [property: JsonPropertyName("data")] string? Data);
