using System.Text.Json.Serialization;

namespace Kuril.Bot.Discord;

/// <summary>An action row (component type 1) holding one text input of a modal.</summary>
/// <param name="Components">The text input.</param>
internal sealed record DiscordInputRow([property: JsonPropertyName("components")] IReadOnlyList<DiscordTextInput> Components)
{
    /// <summary>Component type 1, an action row.</summary>
    [JsonPropertyName("type")]
    public int Type { get; init; } = 1;
}
