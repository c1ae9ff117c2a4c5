using System.Text.Json.Serialization;

namespace Kuril.Bot.Telegram.Api;

/// <summary>A Telegram user or bot.</summary>
/// <param name="Id">Its id (up to 52 bits).</param>
/// <param name="IsBot">Whether it is a bot.</param>
/// <param name="FirstName">Its first name.</param>
/// <param name="Username">Its username, without the @; bots always have one.</param>
public sealed record TelegramUser(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("is_bot")] bool IsBot,
    [property: JsonPropertyName("first_name")] string? FirstName,
    [property: JsonPropertyName("username")] string? Username);
