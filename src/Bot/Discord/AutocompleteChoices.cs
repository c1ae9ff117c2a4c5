using System.Text.Json.Serialization;

namespace Kuril.Bot.Discord;

/// <summary>The choices of an autocomplete result.</summary>
internal sealed record AutocompleteChoices([property: JsonPropertyName("choices")] IReadOnlyList<AutocompleteChoice> Choices);
