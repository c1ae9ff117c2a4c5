namespace Kuril.Bot.Daily;

/// <summary>
/// When a subscription posts: its local time on a local calendar day, in its zone. A local time that does not exist
/// that day (spring forward) moves to the next valid minute; one that occurs twice (fall back) is taken at its first
/// occurrence, and the ledger keeps it to one post.
/// </summary>
public static class DailyTrigger
{
    /// <summary>The calendar day an instant falls on in a zone.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The instant of the post on a local day.</summary>
    public static DateTimeOffset PostTime(DateOnly localDate, TimeOnly localTime, TimeZoneInfo zone)
    {
        var local = localDate.ToDateTime(localTime, DateTimeKind.Unspecified);

        // Gaps are at most a few hours; step a minute at a time to the first minute that exists.
        for (var i = 0; i < 24 * 60 && zone.IsInvalidTime(local); i++) local = local.AddMinutes(1);

        // Of two occurrences, the first is the one with the larger offset.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>
    /// The next post after <paramref name="now"/>: today's if its time is still ahead, else tomorrow's (local days),
    /// never before the subscription was made.
    /// </summary>
    public static DateTimeOffset NextPostTime(Subscription subscription, TimeZoneInfo zone, DateTimeOffset now)
    {
        var day = LocalDate(now, zone);
        var at = PostTime(day, subscription.LocalTime, zone);
        while (at <= now || at < subscription.Since)
        {
            day = day.AddDays(1);
            at = PostTime(day, subscription.LocalTime, zone);
        }

        return at;
    }
}
