using System.Text.Json.Serialization;

namespace Kuril.Bot.Telegram.Api;

/// <summary>A user's membership of a chat (only the status is read).</summary>
/// <param name="Status">"creator", "administrator", "member", "restricted", "left" or "kicked".</param>
public sealed record TelegramChatMember([property: JsonPropertyName("status")] string? Status)
{
    /// <summary>Whether the user may manage the chat.</summary>
    public bool IsAdmin => Status is "creator" or "administrator";
}
