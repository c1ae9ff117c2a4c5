using System.Text.Json.Serialization;

namespace Kuril.Bot.Discord;

/// <summary>A text input of a modal (component type 4), short style.</summary>
/// <param name="CustomId">Its id, which the submission carries back with its value.</param>
/// <param name="Label">What it asks for.</param>
/// <param name="MaxLength">The longest value Discord accepts.</param>
internal sealed record DiscordTextInput(
    [property: JsonPropertyName("custom_id")] string CustomId,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("max_length")] int MaxLength)
{
    /// <summary>Component type 4, a text input.</summary>
    [JsonPropertyName("type")]
    public int Type { get; init; } = 4;

    /// <summary>1, one line.</summary>
    [JsonPropertyName("style")]
    public int Style { get; init; } = 1;

    /// <summary>Whether it must be filled in.</summary>
    [JsonPropertyName("required")]
    public bool Required { get; init; } = true;

    /// <summary>A hint shown while it is empty.</summary>
    [JsonPropertyName("placeholder")]
    public string? Placeholder { get; init; }
}
