using System.Text.Json.Serialization;
using Kuril.Bot.Replies.Discord;

namespace Kuril.Bot.Discord;

/// <summary>An interaction response: its type (4 message, 5 deferred, 7 update) and the message.</summary>
/// <param name="Type">The response type.</param>
/// <param name="Data">The message, or for a deferred response only its flags.</param>
internal sealed record InteractionResponse(
    [property: JsonPropertyName("type")] int Type,
    [property: JsonPropertyName("data")] DiscordMessage? Data)
{
    public const int Message = 4;
    public const int Deferred = 5;
    public const int Update = 7;
}
