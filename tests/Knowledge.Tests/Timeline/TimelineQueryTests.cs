using Kuril.Knowledge.Timeline;
using KurilTimeline = Kuril.Knowledge.Timeline.Timeline;

namespace Kuril.Knowledge.Tests;

public sealed class TimelineQueryTests
{
    private static readonly TimelineSource Source = new(null, null, "Example", new Uri("https://example.org/"));

    private static TimelineEvent Event(int year, int? month = null, int? day = null) =>
        new(year, month, day, $"event {year}-{month}-{day}", [Source]);

    [Fact]
    public void On_this_day_lists_day_events_across_the_years_oldest_first_by_default()
    {
        var timeline = new KurilTimeline([Event(2001, 8, 18), Event(1945, 8, 18), Event(1945, 8), Event(1945), Event(1945, 8, 19)]);

        var events = timeline.OnThisDay(8, 18);

        Assert.Equal([1945, 2001], events.Select(e => e.Year));
        Assert.All(events, e => Assert.Equal(DatePrecision.Day, e.Precision));
    }

    [Fact]
    public void On_this_day_lists_newest_first_when_asked()
    {
        var timeline = new KurilTimeline([Event(1945, 8, 18), Event(2001, 8, 18), Event(1855, 8, 18)]);

        Assert.Equal([2001, 1945, 1855], timeline.OnThisDay(new MonthDay(8, 18), TimelineOrder.NewestFirst).Select(e => e.Year));
    }

    [Fact]
    public void On_this_day_is_empty_on_a_day_without_events() =>
        Assert.Empty(new KurilTimeline([Event(1945, 8, 18)]).OnThisDay(8, 19));

    [Fact]
    public void On_this_day_rejects_a_day_that_does_not_exist() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new KurilTimeline([]).OnThisDay(2, 30));

    [Fact]
    public void Nearest_finds_the_closest_day_events_either_side()
    {
        var timeline = new KurilTimeline([Event(1945, 8, 15), Event(1945, 8, 23), Event(1956, 8, 25), Event(1945, 8)]);

        var nearest = timeline.Nearest(8, 18);

        var only = Assert.Single(nearest);
        Assert.Equal(-3, only.DaysAway);
        Assert.Equal(1945, only.Event.Year);
        Assert.Equal("3 days ago", only.Distance);
    }

    [Fact]
    public void Nearest_returns_both_sides_on_a_tie_earlier_first()
    {
        var timeline = new KurilTimeline([Event(1956, 8, 20), Event(1945, 8, 16)]);

        Assert.Equal([-2, 2], timeline.Nearest(8, 18).Select(n => n.DaysAway));
        Assert.Equal("in 2 days", timeline.Nearest(8, 18)[1].Distance);
    }

    [Fact]
    public void Nearest_leaves_out_the_day_itself_and_anything_beyond_the_window()
    {
        var timeline = new KurilTimeline([Event(1945, 8, 18), Event(1945, 8, 26), Event(1945, 8, 10)]);

        Assert.Empty(timeline.Nearest(8, 18));
        Assert.Equal([-8, 8], timeline.Nearest(8, 18, withinDays: 8).Select(n => n.DaysAway));
    }

    [Fact]
    public void Nearest_wraps_from_December_to_January()
    {
        var timeline = new KurilTimeline([Event(1991, 12, 26), Event(2003, 1, 10)]);

        Assert.Equal((-6, 1991), timeline.Nearest(1, 1).Select(n => (n.DaysAway, n.Event.Year)).Single());
        Assert.Equal((6, 1991), timeline.Nearest(12, 20).Select(n => (n.DaysAway, n.Event.Year)).Single());
        Assert.Equal((5, 2003), timeline.Nearest(1, 5).Select(n => (n.DaysAway, n.Event.Year)).Single());
        Assert.Equal((6, 2003), new KurilTimeline([Event(2003, 1, 2)]).Nearest(12, 27).Select(n => (n.DaysAway, n.Event.Year)).Single());
    }

    [Fact]
    public void Nearest_accepts_29_February_and_counts_it_as_a_day()
    {
        var timeline = new KurilTimeline([Event(1855, 2, 7), Event(1945, 3, 3), Event(2016, 2, 29)]);

        Assert.Equal((3, 1945), timeline.Nearest(2, 29).Select(n => (n.DaysAway, n.Event.Year)).Single());
        Assert.Equal((-1, 2016), timeline.Nearest(3, 1).Select(n => (n.DaysAway, n.Event.Year)).Single());
        Assert.Single(timeline.OnThisDay(2, 29));
    }

    [Fact]
    public void Nearest_on_a_real_date_uses_that_years_calendar()
    {
        var timeline = new KurilTimeline([Event(1945, 2, 27), Event(2016, 2, 29)]);

        // 2027 has no 29 February, so the leap-day event has no anniversary and 27 February is 2 days before 1 March.
        Assert.Equal((-2, 1945), timeline.Nearest(new DateOnly(2027, 3, 1)).Select(n => (n.DaysAway, n.Event.Year)).Single());
        Assert.Equal((-1, 2016), timeline.Nearest(new DateOnly(2028, 3, 1)).Select(n => (n.DaysAway, n.Event.Year)).Single());
    }

    [Fact]
    public void Nearest_is_empty_when_nothing_is_within_the_window() =>
        Assert.Empty(new KurilTimeline([Event(1945, 8, 18)]).Nearest(3, 1));

    [Fact]
    public void All_is_chronological_with_month_and_year_events_at_the_start_of_their_period()
    {
        var timeline = new KurilTimeline([Event(1945, 9, 2), Event(1945, 8, 18), Event(1945, 8), Event(1945), Event(1855, 2, 7)]);

        Assert.Equal(["1855-02-07", "1945", "1945-08", "1945-08-18", "1945-09-02"], timeline.All.Select(e => e.DateText));
    }

    [Fact]
    public void Range_includes_both_years_in_order()
    {
        var timeline = new KurilTimeline([Event(1956, 10, 19), Event(1945, 8, 18), Event(1993, 10, 13), Event(1955, 6), Event(1957)]);

        Assert.Equal(["1945-08-18", "1955-06", "1956-10-19"], timeline.Range(1945, 1956).Select(e => e.DateText));
        Assert.Empty(timeline.Range(1994, 2000));
    }

    [Fact]
    public void An_event_never_gains_a_day_it_was_not_given()
    {
        var monthOnly = Event(2019, 2);

        Assert.Equal(DatePrecision.Month, monthOnly.Precision);
        Assert.Equal("2019-02", monthOnly.DateText);
        Assert.Null(monthOnly.MonthDay);
        Assert.Empty(new KurilTimeline([monthOnly]).OnThisDay(2, 1));
    }

    [Theory]
    [InlineData(2023, 2, 29)]
    [InlineData(1945, 4, 31)]
    [InlineData(1945, 13, null)]
    public void An_event_with_an_impossible_date_is_refused(int year, int month, int? day) =>
        Assert.Throws<ArgumentException>(() => Event(year, month, day));
}
