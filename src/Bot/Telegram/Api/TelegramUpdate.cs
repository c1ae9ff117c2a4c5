using System.Text.Json.Serialization;

namespace Kuril.Bot.Telegram.Api;

/// <summary>One incoming update; only the kinds the bot asks for in <c>allowed_updates</c> are read.</summary>
/// <param name="UpdateId">Its id, increasing; the next poll's offset is the last one handled plus one.</param>
/// <param name="Message">A new message.</param>
/// <param name="CallbackQuery">A button press.</param>
/// <param name="InlineQuery">An inline query.</param>
public sealed record TelegramUpdate(
    [property: JsonPropertyName("update_id")] long UpdateId,
    [property: JsonPropertyName("message")] TelegramMessageInfo? Message,
    [property: JsonPropertyName("callback_query")] TelegramCallbackQuery? CallbackQuery,
    [property: JsonPropertyName("inline_query")] TelegramInlineQuery? InlineQuery)
{
    /// <summary>The update kinds the bot handles, sent explicitly because Telegram remembers the last list given.</summary>
    public static readonly IReadOnlyList<string> AllowedKinds = ["message", "callback_query", "inline_query"];
}
