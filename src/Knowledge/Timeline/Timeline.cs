using Kuril.Knowledge.Corpus;

namespace Kuril.Knowledge.Timeline;

/// <summary>
/// The dated events of the dispute from <c>timeline.yaml</c> in the corpus folder, in chronological order, with the
/// queries a daily "on this day" post needs.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1724:Type names should not match namespaces", Justification = "Timeline.Load(corpusPath) is the agreed API; callers outside Kuril.Knowledge see no ambiguity.")]
public sealed class Timeline
{
    /// <summary>The timeline's file name inside the corpus folder.</summary>
    public const string FileName = "timeline.yaml";

    private readonly Dictionary<MonthDay, TimelineEvent[]> _byDay;

    /// <summary>Creates a timeline; events are put in chronological order.</summary>
    public Timeline(IEnumerable<TimelineEvent> events)
    {
        // A stable sort: events that share a start keep the file's order. Month and year dates sort at the start of
        // their period, so "1945" comes before "1945-02-11".
        All = events.OrderBy(e => e.Year).ThenBy(e => e.Month ?? 0).ThenBy(e => e.Day ?? 0).ToList();
        _byDay = All.Where(e => e.MonthDay is not null).GroupBy(e => e.MonthDay!.Value).ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>Every event, oldest first.</summary>
    public IReadOnlyList<TimelineEvent> All { get; }

    /// <summary>Reads <c>timeline.yaml</c> from a corpus folder.</summary>
    /// <exception cref="FileNotFoundException">The corpus folder has no timeline.</exception>
    /// <exception cref="FormatException">The file is broken; the message names the file and the event or line.</exception>
    public static Timeline Load(string corpusPath)
    {
        var path = Path.Combine(corpusPath, FileName);
        if (!File.Exists(path)) throw new FileNotFoundException($"No timeline at {Path.GetFullPath(path)}.", path);
        return Parse(CorpusFiles.ReadAllText(path), FileName);
    }

    /// <summary>Reads a timeline from YAML text.</summary>
    /// <param name="yaml">The text of a timeline file.</param>
    /// <param name="fileName">The file's name, for error messages.</param>
    /// <exception cref="FormatException">The text is broken; the message names the file and the event or line.</exception>
    public static Timeline Parse(string yaml, string fileName) => new(TimelineFile.Parse(yaml, fileName));

    /// <summary>The day-precision events on a calendar day, across the years.</summary>
    public IReadOnlyList<TimelineEvent> OnThisDay(MonthDay day, TimelineOrder order = TimelineOrder.OldestFirst)
    {
        if (!_byDay.TryGetValue(day, out var events)) return [];
        return order == TimelineOrder.NewestFirst ? events.Reverse().ToArray() : events.AsReadOnly();
    }

    /// <summary>The day-precision events on a calendar day, across the years.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The month and day are not a calendar day.</exception>
    public IReadOnlyList<TimelineEvent> OnThisDay(int month, int day, TimelineOrder order = TimelineOrder.OldestFirst) =>
        OnThisDay(new MonthDay(month, day), order);

    /// <summary>
    /// The day-precision events whose anniversary is nearest to a calendar day, not on it, within
    /// <paramref name="withinDays"/> either side: every event at the smallest distance (both sides on a tie), earlier
    /// days first, then oldest first. Distances wrap from December to January and count 29 February, as in a leap year.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The month and day are not a calendar day, or the window is negative.</exception>
    public IReadOnlyList<NearbyEvent> Nearest(int month, int day, int withinDays = 7) =>
        Nearest(new MonthDay(month, day).InYear(MonthDay.ReferenceLeapYear)!.Value, withinDays);

    /// <summary>
    /// The day-precision events whose anniversary is nearest to a date, not on its calendar day, within
    /// <paramref name="withinDays"/> either side, counted on that year's real calendar (an event of 29 February has
    /// no anniversary in a common year).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The window is negative.</exception>
    public IReadOnlyList<NearbyEvent> Nearest(DateOnly date, int withinDays = 7)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(withinDays);
        var candidates = new List<NearbyEvent>();
        foreach (var (monthDay, events) in _byDay)
        {
            var distance = Distance(date, monthDay, withinDays);
            if (distance is null or 0) continue;
            candidates.AddRange(events.Select(e => new NearbyEvent(e, distance.Value)));
        }

        if (candidates.Count == 0) return [];
        var nearest = candidates.Min(c => Math.Abs(c.DaysAway));
        return candidates.Where(c => Math.Abs(c.DaysAway) == nearest)
            .OrderBy(c => c.DaysAway).ThenBy(c => c.Event.Year)
            .ToList();
    }

    /// <summary>The events from one year to another, both included, oldest first.</summary>
    public IReadOnlyList<TimelineEvent> Range(int fromYear, int toYear) =>
        All.Where(e => e.Year >= fromYear && e.Year <= toYear).ToList();

    // The signed number of days from the date to the nearest anniversary of the calendar day, looking at the years
    // before and after too so that 30 December and 2 January are 3 days apart.
    private static int? Distance(DateOnly date, MonthDay day, int withinDays)
    {
        int? best = null;
        for (var year = date.Year - 1; year <= date.Year + 1; year++)
        {
            if (year is < 1 or > 9999 || day.InYear(year) is not { } anniversary) continue;
            var days = anniversary.DayNumber - date.DayNumber;
            if (Math.Abs(days) <= withinDays && (best is null || Math.Abs(days) < Math.Abs(best.Value))) best = days;
        }

        return best;
    }
}
