namespace Kuril.Bot.Hosting;

/// <summary>
/// Exponential backoff with jitter for the loops that are not HTTP calls (Gateway reconnects, daily-post retries,
/// supervised restarts); HTTP retries belong to the HttpClient resilience pipeline. Not thread-safe: one per loop.
/// </summary>
public sealed class Backoff
{
    private readonly TimeSpan _initial;
    private readonly TimeSpan _maximum;
    private TimeSpan _ceiling;

    /// <summary>Creates a backoff whose first ceiling is <paramref name="initial"/>, doubling up to <paramref name="maximum"/>.</summary>
    public Backoff(TimeSpan initial, TimeSpan maximum)
    {
        _initial = initial;
        _maximum = maximum;
        _ceiling = initial;
    }

    /// <summary>Failures in a row since the last <see cref="Reset"/>.</summary>
    public int Failures { get; private set; }

    /// <summary>
    /// The delay before the next attempt: between half and all of the current ceiling, chosen at random so that many
    /// loops failing together do not retry in step; the ceiling then doubles up to the maximum.
    /// </summary>
    public TimeSpan Next()
    {
        Failures++;
        var delay = _ceiling * (0.5 + (Random.Shared.NextDouble() / 2));
        _ceiling = TimeSpan.FromTicks(Math.Min(_ceiling.Ticks * 2, _maximum.Ticks));
        return delay;
    }

    /// <summary>
    /// The delay before attempt <paramref name="failures"/> + 1 of work whose failures are counted elsewhere (a
    /// ledger's attempts): as <see cref="Next"/> gives after that many failures in a row.
    /// </summary>
    public static TimeSpan After(int failures, TimeSpan initial, TimeSpan maximum)
    {
        var ceiling = Math.Min(initial.Ticks * Math.Pow(2, Math.Clamp(failures - 1, 0, 30)), maximum.Ticks);
        return TimeSpan.FromTicks((long)(ceiling * (0.5 + (Random.Shared.NextDouble() / 2))));
    }

    /// <summary>Starts again from the first delay, after a success.</summary>
    public void Reset()
    {
        Failures = 0;
        _ceiling = _initial;
    }
}
