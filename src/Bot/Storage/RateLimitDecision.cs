namespace Kuril.Bot.Storage;

/// <summary>What a rate limit said to one request.</summary>
/// <param name="IsGranted">Whether the request may go ahead.</param>
/// <param name="RetryAfter">On a refusal, the wait until the next permit frees up.</param>
/// <param name="AlreadyTold">On a refusal, whether an earlier refusal in the same wait was the one to tell the user.</param>
public sealed record RateLimitDecision(bool IsGranted, TimeSpan RetryAfter, bool AlreadyTold)
{
    /// <summary>A granted request.</summary>
    public static RateLimitDecision Granted { get; } = new(true, TimeSpan.Zero, false);
}
