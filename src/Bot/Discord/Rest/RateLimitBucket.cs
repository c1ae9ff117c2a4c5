namespace Kuril.Bot.Discord.Rest;

/// <summary>One rate-limit bucket: requests through it go one at a time, and wait while it is exhausted.</summary>
internal sealed class RateLimitBucket
{
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Requests left before <see cref="ResetAt"/>; unknown until Discord's headers say.</summary>
    public int? Remaining { get; set; }

    public DateTimeOffset ResetAt { get; set; }
}
