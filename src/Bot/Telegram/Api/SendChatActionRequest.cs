using System.Text.Json.Serialization;

namespace Kuril.Bot.Telegram.Api;

/// <summary>sendChatAction: "typing…" for up to 5 s.</summary>
/// <param name="ChatId">The chat.</param>
/// <param name="Action">"typing".</param>
public sealed record SendChatActionRequest(
    [property: JsonPropertyName("chat_id")] long ChatId,
    [property: JsonPropertyName("action")] string Action);
