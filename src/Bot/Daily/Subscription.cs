using Kuril.Bot.Commands.Subcommands;

namespace Kuril.Bot.Daily;

/// <summary>A channel's daily post: a local time in an IANA zone (never a fixed offset, so DST cannot make it drift).</summary>
/// <param name="Channel">The channel.</param>
/// <param name="LocalTime">The local time of day of the post.</param>
/// <param name="ZoneId">The IANA zone, e.g. <c>Asia/Tokyo</c>.</param>
/// <param name="Since">When it was made or last changed; no post falls due before it.</param>
public sealed record Subscription(ChannelKey Channel, TimeOnly LocalTime, string ZoneId, DateTimeOffset Since)
{
    /// <summary>The zone, or null when this machine does not know it (a store written elsewhere).</summary>
    public TimeZoneInfo? FindZone() => TimeZoneInfo.TryFindSystemTimeZoneById(ZoneId, out var zone) ? zone : null;

    /// <summary>A subscription from a parsed time and zone.</summary>
    public static Subscription From(ChannelKey channel, DailyTime daily, DateTimeOffset since) =>
        new(channel, daily.Time, daily.Zone.Id, since);
}
