using System.Text.Json.Serialization;
using Kuril.Knowledge.Timeline;

namespace Kuril.Bot.Json;

/// <summary>The JSON shape of one timeline event on the command line.</summary>
/// <param name="Date">The date as written in the timeline; its form is its precision.</param>
/// <param name="Precision"><c>day</c>, <c>month</c> or <c>year</c>.</param>
/// <param name="Text">What happened.</param>
/// <param name="Sources">Where it is attested.</param>
public sealed record TimelineEventJson(
    [property: JsonPropertyName("date")] string Date,
    [property: JsonPropertyName("precision")] string Precision,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("sources")] IReadOnlyList<TimelineSourceJson> Sources)
{
    /// <summary>Maps an event.</summary>
    public static TimelineEventJson From(TimelineEvent timelineEvent)
    {
        ArgumentNullException.ThrowIfNull(timelineEvent);
        return new TimelineEventJson(
            timelineEvent.DateText,
            PrecisionName(timelineEvent.Precision),
            timelineEvent.Text,
            timelineEvent.Sources.Select(TimelineSourceJson.From).ToList());
    }

    /// <summary>The lower-case name of a precision, as JSON shows it.</summary>
    public static string PrecisionName(DatePrecision precision) => precision.ToString().ToLowerInvariant();
}
