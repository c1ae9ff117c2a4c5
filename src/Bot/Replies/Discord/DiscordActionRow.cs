using System.Text.Json.Serialization;

namespace Kuril.Bot.Replies.Discord;

/// <summary>A row of buttons (component type 1).</summary>
/// <param name="Components">Up to five buttons.</param>
public sealed record DiscordActionRow([property: JsonPropertyName("components")] IReadOnlyList<DiscordButton> Components)
{
    /// <summary>Component type: action row.</summary>
    [JsonPropertyName("type")]
    public int Type { get; init; } = 1;
}
