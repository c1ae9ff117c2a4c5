using System.Text.Json.Serialization;

namespace Kuril.Bot.Replies.Discord;

/// <summary>A button (component type 2).</summary>
/// <param name="Style">1 primary, 2 secondary, 3 success, 4 danger.</param>
/// <param name="Label">Its label.</param>
/// <param name="CustomId">The token sent back when pressed.</param>
public sealed record DiscordButton(
    [property: JsonPropertyName("style")] int Style,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("custom_id")] string CustomId)
{
    /// <summary>Component type: button.</summary>
    [JsonPropertyName("type")]
    public int Type { get; init; } = 2;
}
