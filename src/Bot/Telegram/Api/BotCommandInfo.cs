using System.Text.Json.Serialization;

namespace Kuril.Bot.Telegram.Api;

/// <summary>A command in the bot's menu.</summary>
/// <param name="Command">1–32 characters of a-z, 0-9 and _.</param>
/// <param name="Description">3–256 characters.</param>
public sealed record BotCommandInfo(
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("description")] string Description);
