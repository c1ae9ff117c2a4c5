using System.Globalization;
using Kuril.Bot.Replies;
using Kuril.Knowledge.Timeline;

namespace Kuril.Bot.Daily;

/// <summary>
/// The one place the on-this-day text is made: the daily post, <c>/kuril preview</c>, the <c>preview</c> verb and
/// <c>/kuril onthisday</c> all show what this builds. The events of the day across the years, each with its
/// citation; on a day without events, the nearest within a week, so a post is never empty.
/// </summary>
public sealed class DailyPostBuilder(TimelineCache timeline)
{
    /// <summary>How far either side a day without events looks for neighbours.</summary>
    public const int NearestWithinDays = 7;

    /// <summary>What a reply says when no timeline could be read.</summary>
    public const string Unavailable = "The timeline can't be read right now; the operator has been told in the log.";

    /// <summary>
    /// The post for a date of the real calendar (a daily post, or today), or null when no timeline could be read.
    /// </summary>
    public Reply? Build(DateOnly date, TimelineOrder order = TimelineOrder.OldestFirst)
    {
        if (timeline.Current is not { } events) return null;
        var day = MonthDay.From(date);
        var onDay = events.OnThisDay(day, order);
        return Build(day, onDay, onDay.Count > 0 ? [] : events.Nearest(date, NearestWithinDays));
    }

    /// <summary>
    /// The post for a calendar day without a year (counted as in a leap year, so 02-29 has neighbours), or null when
    /// no timeline could be read.
    /// </summary>
    public Reply? Build(MonthDay day, TimelineOrder order = TimelineOrder.OldestFirst)
    {
        if (timeline.Current is not { } events) return null;
        var onDay = events.OnThisDay(day, order);
        return Build(day, onDay, onDay.Count > 0 ? [] : events.Nearest(day.Month, day.Day, NearestWithinDays));
    }

    /// <summary>A day's name as posts write it: "18 August".</summary>
    public static string DayName(MonthDay day) =>
        day.Day.ToString(CultureInfo.InvariantCulture) + " " + CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(day.Month);

    /// <summary>A timeline event's sources on one line.</summary>
    public static string Cite(TimelineEvent e) => string.Join("; ", e.Sources);

    private static Reply Build(MonthDay day, IReadOnlyList<TimelineEvent> events, IReadOnlyList<NearbyEvent> nearest)
    {
        var name = DayName(day);
        var title = "On this day, " + name;
        if (events.Count > 0)
        {
            return new Reply(title)
            {
                Excerpts = events.Select((e, i) => new ReplyExcerpt(i + 1, e.Text, Cite(e), e.Year.ToString(CultureInfo.InvariantCulture))).ToList(),
            };
        }

        if (nearest.Count > 0)
        {
            return new Reply(title)
            {
                Paragraphs = [$"No events in the timeline on {name}. The nearest within a week:"],
                Excerpts = nearest.Select((n, i) => new ReplyExcerpt(
                    i + 1,
                    n.Event.Text,
                    Cite(n.Event),
                    string.Create(CultureInfo.InvariantCulture, $"{n.Distance}, in {n.Event.Year} ({n.Event.DateText})"))).ToList(),
            };
        }

        return new Reply(title) { Paragraphs = [$"No events in the timeline on {name}, nor within a week of it."] };
    }
}
