using System.Text.Json.Serialization;
using Kuril.Knowledge.Timeline;

namespace Kuril.Bot.Json;

/// <summary>The JSON shape of an event near the day asked about: the event's fields and how far away it is.</summary>
/// <param name="Date">The event's date as written in the timeline.</param>
/// <param name="Precision">Always <c>day</c>: only day-precision events have anniversaries.</param>
/// <param name="Text">What happened.</param>
/// <param name="Sources">Where it is attested.</param>
/// <param name="DaysAway">Days from the day asked about to the event's anniversary; negative when before.</param>
/// <param name="Distance">The same in words: "3 days ago", "in 2 days".</param>
public sealed record NearbyEventJson(
    [property: JsonPropertyName("date")] string Date,
    [property: JsonPropertyName("precision")] string Precision,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("sources")] IReadOnlyList<TimelineSourceJson> Sources,
    [property: JsonPropertyName("daysAway")] int DaysAway,
    [property: JsonPropertyName("distance")] string Distance)
{
    /// <summary>Maps a nearby event.</summary>
    public static NearbyEventJson From(NearbyEvent nearby)
    {
        ArgumentNullException.ThrowIfNull(nearby);
        var e = TimelineEventJson.From(nearby.Event);
        return new NearbyEventJson(e.Date, e.Precision, e.Text, e.Sources, nearby.DaysAway, nearby.Distance);
    }
}
