namespace Kuril.Bot.Storage;

/// <summary>What became of an attempt to claim a piece of work in a ledger shared by every instance (a channel's daily post, a Telegram update).</summary>
public enum ClaimOutcome
{
    /// <summary>Claimed: the caller does the work now, then records how it went.</summary>
    Claimed,

    /// <summary>Already done (or no longer to do): nothing more, ever.</summary>
    Settled,

    /// <summary>Claimed by someone else, or waiting to retry after a failure, until its lease ends; ask again later.</summary>
    Held,
}
