using System.Text.Json.Serialization;

namespace Kuril.Bot.Telegram.Api;

/// <summary>setMyCommands.</summary>
/// <param name="Commands">The menu.</param>
public sealed record SetMyCommandsRequest([property: JsonPropertyName("commands")] IReadOnlyList<BotCommandInfo> Commands);
