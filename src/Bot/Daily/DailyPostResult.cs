namespace Kuril.Bot.Daily;

/// <summary>What a platform sender made of a daily post.</summary>
public enum DailyPostResult
{
    /// <summary>Posted (or already posted under the same nonce).</summary>
    Sent,

    /// <summary>The channel is gone for the bot (deleted, no access, blocked, kicked): its subscription ends.</summary>
    Gone,

    /// <summary>Not posted this time (a transient failure); the scheduler retries later with backoff.</summary>
    Failed,
}
