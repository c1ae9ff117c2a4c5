using System.Globalization;

namespace Kuril.Knowledge.Timeline;

/// <summary>A day of the calendar without a year (<c>MM-DD</c>); 29 February is one.</summary>
public readonly record struct MonthDay : IComparable<MonthDay>
{
    /// <summary>
    /// A leap year used to place a day without a year on the calendar, so that 29 February has a place.
    /// </summary>
    internal const int ReferenceLeapYear = 2000;

    /// <summary>Creates a calendar day.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The month or day does not exist (29 February does).</exception>
    public MonthDay(int month, int day)
    {
        if (Problem(month, day) is { } problem) throw new ArgumentOutOfRangeException(nameof(day), problem);
        Month = month;
        Day = day;
    }

    /// <summary>The month, 1–12.</summary>
    public int Month { get; }

    /// <summary>The day of the month.</summary>
    public int Day { get; }

    /// <summary>The calendar day of a date.</summary>
    public static MonthDay From(DateOnly date) => new(date.Month, date.Day);

    /// <summary>Parses <c>MM-DD</c> (e.g. <c>08-18</c>, <c>02-29</c>).</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="value">The day, when the text is one.</param>
    /// <param name="error">Why the text is not a calendar day, in words a user can act on; null on success.</param>
    public static bool TryParse(string? text, out MonthDay value, out string? error)
    {
        value = default;
        var trimmed = text?.Trim() ?? string.Empty;
        var parts = trimmed.Split('-');
        if (parts.Length != 2 || parts.Any(p => p.Length is < 1 or > 2 || !p.All(char.IsAsciiDigit)))
        {
            error = $"'{text}' is not a date: expected MM-DD, e.g. 08-18 for 18 August.";
            return false;
        }

        var month = int.Parse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture);
        var day = int.Parse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture);
        error = Problem(month, day) is { } problem ? $"'{text}' is not a date: {problem}." : null;
        if (error is not null) return false;
        value = new MonthDay(month, day);
        return true;
    }

    /// <summary>Parses <c>MM-DD</c>.</summary>
    /// <exception cref="FormatException">The text is not a calendar day; the message says why.</exception>
    public static MonthDay Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException(error);

    /// <summary>The day in a given year, or null when that year has no such day (29 February of a common year).</summary>
    public DateOnly? InYear(int year) =>
        Day <= DateTime.DaysInMonth(year, Month) ? new DateOnly(year, Month, Day) : null;

    /// <inheritdoc />
    public int CompareTo(MonthDay other) => Month != other.Month ? Month.CompareTo(other.Month) : Day.CompareTo(other.Day);

    /// <summary>Whether one day comes earlier in the calendar year.</summary>
    public static bool operator <(MonthDay left, MonthDay right) => left.CompareTo(right) < 0;

    /// <summary>Whether one day comes later in the calendar year.</summary>
    public static bool operator >(MonthDay left, MonthDay right) => left.CompareTo(right) > 0;

    /// <summary>Whether one day comes earlier in the calendar year or is the same.</summary>
    public static bool operator <=(MonthDay left, MonthDay right) => left.CompareTo(right) <= 0;

    /// <summary>Whether one day comes later in the calendar year or is the same.</summary>
    public static bool operator >=(MonthDay left, MonthDay right) => left.CompareTo(right) >= 0;

    /// <summary>The day as <c>MM-DD</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Month:D2}-{Day:D2}");

    private static string? Problem(int month, int day)
    {
        if (month is < 1 or > 12) return $"there is no month {month} (months are 01 to 12)";
        var days = DateTime.DaysInMonth(ReferenceLeapYear, month);
        var name = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);
        return day < 1 || day > days ? $"{name} has no day {day} (it has {days})" : null;
    }
}
