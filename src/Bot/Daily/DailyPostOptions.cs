using System.ComponentModel.DataAnnotations;

namespace Kuril.Bot.Daily;

/// <summary>Options of the <c>DailyPosts</c> configuration section: how the scheduler holds and revisits its claims.</summary>
public sealed class DailyPostOptions
{
    /// <summary>The configuration section's name.</summary>
    public const string SectionName = "DailyPosts";

    /// <summary>
    /// How long a claim is held before another round (or instance) may take it over: how soon a post whose sender
    /// died goes out again. It must outlast a post's send (rate-limiter wait and round trip), or a slow send could be
    /// taken over and repeated; the lease is renewed right before each Telegram request.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The longest wait between two rounds: how soon new subscriptions, retries and claims whose lease has ended are seen.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RoundInterval { get; set; } = TimeSpan.FromMinutes(1);
}
