using System.Text.Json.Serialization;

namespace Kuril.Bot.Telegram.Api;

/// <summary>getChatMember.</summary>
/// <param name="ChatId">The chat.</param>
/// <param name="UserId">The user.</param>
public sealed record GetChatMemberRequest(
    [property: JsonPropertyName("chat_id")] long ChatId,
    [property: JsonPropertyName("user_id")] long UserId);
