using System.Globalization;

namespace Kuril.Knowledge.Timeline;

/// <summary>One dated event of the dispute, with the sources that attest it.</summary>
/// <remarks>
/// The date is kept as its parts so that an event known only to the month or year never gains an invented day.
/// </remarks>
public sealed record TimelineEvent
{
    /// <summary>Creates an event; the month and day that are given fix its precision.</summary>
    /// <exception cref="ArgumentException">The parts do not make a real date, or a day is given without a month.</exception>
    public TimelineEvent(int year, int? month, int? day, string text, IReadOnlyList<TimelineSource> sources)
    {
        if (year is < 1 or > 9999) throw new ArgumentException($"year {year} is out of range", nameof(year));
        if (month is < 1 or > 12) throw new ArgumentException($"month {month} is out of range", nameof(month));
        if (day is not null && month is null) throw new ArgumentException("a day needs a month", nameof(day));
        if (day is not null && (day < 1 || day > DateTime.DaysInMonth(year, month!.Value)))
        {
            throw new ArgumentException($"{year:D4}-{month:D2} has no day {day}", nameof(day));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        Year = year;
        Month = month;
        Day = day;
        Text = text;
        Sources = sources;
    }

    /// <summary>The year.</summary>
    public int Year { get; }

    /// <summary>The month (1–12), when known.</summary>
    public int? Month { get; }

    /// <summary>The day of the month, when known.</summary>
    public int? Day { get; }

    /// <summary>What happened, in one or two sentences.</summary>
    public string Text { get; }

    /// <summary>The sources that attest the event; at least one in a valid timeline.</summary>
    public IReadOnlyList<TimelineSource> Sources { get; }

    /// <summary>How precisely the date is known.</summary>
    public DatePrecision Precision => Day is not null ? DatePrecision.Day : Month is not null ? DatePrecision.Month : DatePrecision.Year;

    /// <summary>The date as written in the timeline: <c>YYYY-MM-DD</c>, <c>YYYY-MM</c> or <c>YYYY</c>.</summary>
    public string DateText => Precision switch
    {
        DatePrecision.Day => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}"),
        DatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}"),
        _ => Year.ToString("D4", CultureInfo.InvariantCulture),
    };

    /// <summary>The first day of the period the date names; events sort by it.</summary>
    public DateOnly Start => new(Year, Month ?? 1, Day ?? 1);

    /// <summary>The calendar day of a day-precision event, for "on this day" lists.</summary>
    public MonthDay? MonthDay => Precision == DatePrecision.Day ? new MonthDay(Month!.Value, Day!.Value) : null;

    /// <summary>
    /// Parses a timeline date whose form is its precision: <c>YYYY-MM-DD</c>, <c>YYYY-MM</c> or <c>YYYY</c>.
    /// </summary>
    /// <param name="text">The date as written.</param>
    /// <param name="year">The year, on success.</param>
    /// <param name="month">The month, when the date gives one.</param>
    /// <param name="day">The day, when the date gives one.</param>
    /// <param name="error">Why the text is not a real date of one of these forms; null on success.</param>
    public static bool TryParseDate(string text, out int year, out int? month, out int? day, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        year = 0;
        month = null;
        day = null;
        error = DateProblem(text.Trim(), ref year, ref month, ref day);
        return error is null;
    }

    private static string? DateProblem(string text, ref int year, ref int? month, ref int? day)
    {
        var parts = text.Split('-');
        if (parts.Length > 3 || parts[0].Length != 4 || parts.Skip(1).Any(p => p.Length != 2) || parts.Any(p => !p.All(char.IsAsciiDigit)))
        {
            return $"date '{text}' is not of the form YYYY-MM-DD, YYYY-MM or YYYY";
        }

        year = int.Parse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture);
        if (year < 1) return $"date '{text}' has year 0";
        if (parts.Length == 1) return null;
        month = int.Parse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12) return $"date '{text}' has no month {month}";
        if (parts.Length == 2) return null;
        day = int.Parse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture);
        return day < 1 || day > DateTime.DaysInMonth(year, month.Value) ? $"date '{text}' is not a day of the calendar" : null;
    }
}
