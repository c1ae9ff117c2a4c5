using System.Text.Json.Serialization;

namespace Kuril.Bot.Discord;

/// <summary>One autocomplete choice.</summary>
internal sealed record AutocompleteChoice(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] string Value);
