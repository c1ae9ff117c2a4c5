namespace Kuril.Bench;

/// <summary>What one platform shows after a chaos run.</summary>
/// <param name="Channels">Channels or chats showing the day's post (all its parts).</param>
/// <param name="Duplicates">Posts shown more than once: per channel, the copies of its most repeated part beyond the first.</param>
public sealed record ChaosCount(int Channels, int Duplicates)
{
    /// <summary>Counts a platform's record: per channel, how many times each distinct message was shown.</summary>
    public static ChaosCount Of(Dictionary<string, Dictionary<string, int>> shown)
    {
        // Every channel gets the same day's post, so the part count is the most distinct messages any channel shows.
        var parts = shown.Count == 0 ? 0 : shown.Values.Max(m => m.Count);
        return new ChaosCount(shown.Values.Count(m => m.Count == parts), shown.Values.Sum(m => m.Values.Max() - 1));
    }
}
