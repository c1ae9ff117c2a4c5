namespace Kuril.Bot.Daily;

/// <summary>What became of an attempt to claim a channel's post for a local day.</summary>
public enum ClaimOutcome
{
    /// <summary>Claimed: the caller sends now, then marks it sent, failed or gone.</summary>
    Claimed,

    /// <summary>Already sent (or the channel was gone): nothing more for that day, ever.</summary>
    Settled,

    /// <summary>Claimed by someone else, or waiting to retry after a failure, until its lease ends; ask again later.</summary>
    Held,
}
