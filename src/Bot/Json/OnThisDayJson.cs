using System.Text.Json.Serialization;

namespace Kuril.Bot.Json;

/// <summary>The JSON shape of <c>onthisday --json</c>.</summary>
/// <param name="Date">The calendar day asked about, <c>MM-DD</c>.</param>
/// <param name="Events">The events on that day across the years.</param>
/// <param name="Nearest">When there are none, the nearest events within a week either side; else empty.</param>
public sealed record OnThisDayJson(
    [property: JsonPropertyName("date")] string Date,
    [property: JsonPropertyName("events")] IReadOnlyList<TimelineEventJson> Events,
    [property: JsonPropertyName("nearest")] IReadOnlyList<NearbyEventJson> Nearest);
