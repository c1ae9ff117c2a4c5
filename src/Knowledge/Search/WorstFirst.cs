namespace Kuril.Knowledge.Search;

/// <summary>Orders (score, passage id) pairs worst first: lower score, then higher id (ties keep the index's order).</summary>
internal sealed class WorstFirst : IComparer<(double Score, long Id)>
{
    public static WorstFirst Instance { get; } = new();

    public int Compare((double Score, long Id) x, (double Score, long Id) y)
    {
        var byScore = x.Score.CompareTo(y.Score);
        return byScore != 0 ? byScore : y.Id.CompareTo(x.Id);
    }
}
