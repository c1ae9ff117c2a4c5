using System.Globalization;
using Kuril.Bot.Storage;

namespace Kuril.Bot.Daily;

/// <summary>The answer to a claim on a channel's post for one local day.</summary>
/// <param name="Outcome">Claimed, settled or held.</param>
/// <param name="Attempt">On a claim, which attempt this is (1 for the first, more after failures or a crash).</param>
/// <param name="MayHaveBeenSent">
/// On a take-over, whether the attempt before had started a request to the platform (marked sending) and never
/// recorded its end: the post may already be in the channel.
/// </param>
public sealed record DailyPostClaim(ClaimOutcome Outcome, int Attempt, bool MayHaveBeenSent = false)
{
    /// <summary>
    /// The nonce of a channel's post for a local day: the same on every attempt, so a platform that deduplicates on it
    /// (Discord's <c>enforce_nonce</c>) shows a post retried after a crash only once. At most 25 characters (Discord's limit).
    /// </summary>
    public static string Nonce(DateOnly localDate) => "kuril-daily-" + localDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
