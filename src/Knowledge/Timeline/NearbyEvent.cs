using System.Globalization;

namespace Kuril.Knowledge.Timeline;

/// <summary>An event on a calendar day close to the one asked about.</summary>
/// <param name="Event">The event, always of day precision.</param>
/// <param name="DaysAway">How many days after the day asked about the event's anniversary falls; negative when before.</param>
public sealed record NearbyEvent(TimelineEvent Event, int DaysAway)
{
    /// <summary>The distance in words, as a daily post says it: "3 days ago", "in 1 day".</summary>
    public string Distance
    {
        get
        {
            var days = Math.Abs(DaysAway);
            var unit = days == 1 ? "day" : "days";
            return DaysAway switch
            {
                < 0 => string.Create(CultureInfo.InvariantCulture, $"{days} {unit} ago"),
                > 0 => string.Create(CultureInfo.InvariantCulture, $"in {days} {unit}"),
                _ => "on this day",
            };
        }
    }
}
