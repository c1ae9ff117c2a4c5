using System.Text.Json.Serialization;

namespace Kuril.Bot.Discord;

/// <summary>An autocomplete result (type 8) with at most 25 choices.</summary>
internal sealed record AutocompleteResponse(
    [property: JsonPropertyName("type")] int Type,
    [property: JsonPropertyName("data")] AutocompleteChoices Data)
{
    public const int MaxChoices = 25;
}
