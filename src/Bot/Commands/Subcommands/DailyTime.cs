using System.Globalization;

namespace Kuril.Bot.Commands.Subcommands;

/// <summary>A local time of day in an IANA time zone, as a subscription asks for.</summary>
/// <param name="Time">The local time.</param>
/// <param name="Zone">The zone.</param>
public sealed record DailyTime(TimeOnly Time, TimeZoneInfo Zone)
{
    /// <summary>What a bad time or zone is told.</summary>
    public const string AcceptedForms =
        "Accepted forms: /kuril subscribe, /kuril subscribe 08:30, /kuril subscribe 08:30 Asia/Tokyo, /kuril subscribe Europe/Moscow. " +
        "The time is 24-hour HH:MM (00:00–23:59); the zone an IANA name such as Asia/Tokyo, Europe/Moscow or UTC. Defaults: 09:00 UTC.";

    /// <summary>The time used when none is given.</summary>
    public static readonly TimeOnly DefaultTime = new(9, 0);

    /// <summary>"08:30 Asia/Tokyo".</summary>
    public override string ToString() => Time.ToString("HH:mm", CultureInfo.InvariantCulture) + " " + Zone.Id;

    /// <summary>Reads <c>[HH:MM] [zone]</c>; on failure <paramref name="problem"/> names what was wrong.</summary>
    public static bool TryParse(string text, out DailyTime? daily, out string? problem)
    {
        daily = null;
        problem = null;
        var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > 2)
        {
            problem = "Too many words.";
            return false;
        }

        var time = DefaultTime;
        var zoneName = "UTC";
        var next = 0;
        if (parts.Length > 0 && parts[0].Contains(':', StringComparison.Ordinal) && !parts[0].Contains('/', StringComparison.Ordinal))
        {
            if (!TimeOnly.TryParseExact(parts[0], ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
            {
                problem = $"“{parts[0]}” is not a time of day.";
                return false;
            }

            next = 1;
        }

        if (next < parts.Length) zoneName = parts[next];
        if (next + 1 < parts.Length)
        {
            problem = "The time comes first, then the zone.";
            return false;
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneName, out var zone) || !zone.HasIanaId)
        {
            problem = $"“{zoneName}” is not an IANA time zone I know.";
            return false;
        }

        daily = new DailyTime(time, zone);
        return true;
    }
}
