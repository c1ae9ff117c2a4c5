using System.Data.Common;

namespace Kuril.Bot.Storage;

/// <summary>
/// The claim step of the leased ledgers (daily posts, Telegram updates): an upsert that takes a row when it is new or
/// its lease has ended unsettled, and returns a value only then; otherwise the row's state tells held from settled.
/// </summary>
internal static class LeasedClaim
{
    /// <summary>The state of a row whose lease runs (or ran out unsettled); every other state is settled.</summary>
    public const string ClaimedState = "claimed";

    /// <summary>
    /// A claimed row whose work has started a request that cannot be taken back (a daily post on its way to Telegram):
    /// held like <see cref="ClaimedState"/>, and taken over like it when its lease ends.
    /// </summary>
    public const string SendingState = "sending";

    /// <summary>Runs <paramref name="claim"/>, and <paramref name="state"/> only when the claim took nothing.</summary>
    /// <returns>The outcome, and the value the claim returned when it took the row.</returns>
    public static async Task<(ClaimOutcome Outcome, object? Returned)> RunAsync(DbCommand claim, DbCommand state, CancellationToken cancellationToken)
    {
        var returned = await claim.ExecuteScalarAsync(cancellationToken);
        if (returned is not (null or DBNull)) return (ClaimOutcome.Claimed, returned);
        var current = (string?)await state.ExecuteScalarAsync(cancellationToken);
        return (current is ClaimedState or SendingState ? ClaimOutcome.Held : ClaimOutcome.Settled, null);
    }
}
