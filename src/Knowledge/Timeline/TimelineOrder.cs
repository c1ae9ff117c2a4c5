namespace Kuril.Knowledge.Timeline;

/// <summary>The order in which the events of one calendar day are listed across the years.</summary>
public enum TimelineOrder
{
    /// <summary>The earliest year first.</summary>
    OldestFirst,

    /// <summary>The latest year first.</summary>
    NewestFirst,
}
