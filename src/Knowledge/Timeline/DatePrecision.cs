namespace Kuril.Knowledge.Timeline;

/// <summary>How precisely a timeline event's date is known; the form of its date in the file says which.</summary>
public enum DatePrecision
{
    /// <summary>Known to the day (<c>YYYY-MM-DD</c>).</summary>
    Day,

    /// <summary>Known to the month only (<c>YYYY-MM</c>).</summary>
    Month,

    /// <summary>Known to the year only (<c>YYYY</c>).</summary>
    Year,
}
