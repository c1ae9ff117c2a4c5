namespace Kuril.Bot.Storage;

/// <summary>
/// Rate limits kept in the bot's database, so that every instance sharing it counts against the same limit: one row a
/// key holding its theoretical arrival time (the generic cell rate algorithm, GCRA), changed by one atomic upsert, so
/// two instances can never both take the last permit. The same table paces a shared send rate, and a second table
/// remembers interaction ids seen by any instance.
/// </summary>
public sealed class SharedRateLimits(BotDatabase database)
{
    // Longer than any signature may live (Discord:SignatureMaxAge is at most 15 minutes), so a replay always meets its id.
    private static readonly TimeSpan SeenIdRetention = TimeSpan.FromHours(1);

    private readonly Lock _sweepLock = new();
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    /// <summary>
    /// Takes a permit for <paramref name="key"/> if one is free: up to <paramref name="burst"/> at once, refilled one per
    /// <paramref name="window"/> / <paramref name="burst"/>. A refusal says how long until the next permit, and whether an
    /// earlier refusal in the same wait (on any instance) already told the user.
    /// </summary>
    public async Task<RateLimitDecision> TryTakeAsync(string key, int burst, TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        await SweepAsync(now, cancellationToken);
        var nowUs = Micros(now);
        var windowUs = Micros(window);
        var intervalUs = Math.Max(1, windowUs / burst);
        await using var connection = await database.OpenAsync(cancellationToken);

        // Granted when the arrival time it would move to is at most a window ahead; a refusal changes nothing.
        await using var take = connection.CreateCommand(
            """
            INSERT INTO rate_limits (rate_key, tat_us, told_until_us) VALUES (@key, @now + @interval, 0)
            ON CONFLICT (rate_key) DO UPDATE
            SET tat_us = (CASE WHEN rate_limits.tat_us > @now THEN rate_limits.tat_us ELSE @now END) + @interval
            WHERE (CASE WHEN rate_limits.tat_us > @now THEN rate_limits.tat_us ELSE @now END) + @interval - @now <= @window
            RETURNING tat_us
            """)
            .With("@key", key)
            .With("@now", nowUs)
            .With("@interval", intervalUs)
            .With("@window", windowUs);
        if (await take.ExecuteScalarAsync(cancellationToken) is not null) return RateLimitDecision.Granted;

        // Refused: the first refusal of this wait marks it told, until the next permit frees up.
        await using var tell = connection.CreateCommand(
            """
            UPDATE rate_limits SET told_until_us = tat_us + @interval - @window
            WHERE rate_key = @key AND told_until_us <= @now
            RETURNING tat_us
            """)
            .With("@key", key)
            .With("@now", nowUs)
            .With("@interval", intervalUs)
            .With("@window", windowUs);
        var told = await tell.ExecuteScalarAsync(cancellationToken);
        var alreadyTold = told is null;
        if (alreadyTold)
        {
            await using var read = connection.CreateCommand("SELECT tat_us FROM rate_limits WHERE rate_key = @key").With("@key", key);
            told = await read.ExecuteScalarAsync(cancellationToken);
        }

        var freeAtUs = Convert.ToInt64(told, System.Globalization.CultureInfo.InvariantCulture) + intervalUs - windowUs;
        return new RateLimitDecision(false, TimeSpan.FromMicroseconds(Math.Max(0, freeAtUs - nowUs)), alreadyTold);
    }

    /// <summary>
    /// Reserves the next free turn of a pace shared by every instance, one turn per <paramref name="spacing"/>, and
    /// returns when it is: now at the earliest, so an idle pace never turns into a burst.
    /// </summary>
    public async Task<DateTimeOffset> ReserveTurnAsync(string key, TimeSpan spacing, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var nowUs = Micros(now);
        var spacingUs = Math.Max(1, Micros(spacing));
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var reserve = connection.CreateCommand(
            """
            INSERT INTO rate_limits (rate_key, tat_us, told_until_us) VALUES (@key, @now + @spacing, 0)
            ON CONFLICT (rate_key) DO UPDATE
            SET tat_us = (CASE WHEN rate_limits.tat_us > @now THEN rate_limits.tat_us ELSE @now END) + @spacing
            RETURNING tat_us
            """)
            .With("@key", key)
            .With("@now", nowUs)
            .With("@spacing", spacingUs);
        var next = Convert.ToInt64(await reserve.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        return DateTimeOffset.UnixEpoch + TimeSpan.FromMicroseconds(next - spacingUs);
    }

    /// <summary>True the first time any instance records <paramref name="id"/> (ids are kept an hour).</summary>
    public async Task<bool> TryFirstUseAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await SweepAsync(now, cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var insert = connection.CreateCommand(
            "INSERT INTO seen_interactions (interaction_id, seen_us) VALUES (@id, @now) ON CONFLICT (interaction_id) DO NOTHING RETURNING seen_us")
            .With("@id", id)
            .With("@now", Micros(now));
        return await insert.ExecuteScalarAsync(cancellationToken) is not null;
    }

    // Rows past their use go about once a minute per instance: a key whose arrival time has passed is as good as
    // absent, and an interaction id is kept for longer than its signature lives.
    private async Task SweepAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_sweepLock)
        {
            if (now < _nextSweep) return;
            _nextSweep = now + TimeSpan.FromMinutes(1);
        }

        var nowUs = Micros(now);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var limits = connection.CreateCommand("DELETE FROM rate_limits WHERE tat_us < @now AND told_until_us < @now").With("@now", nowUs);
        await limits.ExecuteNonQueryAsync(cancellationToken);
        await using var seen = connection.CreateCommand("DELETE FROM seen_interactions WHERE seen_us < @before")
            .With("@before", nowUs - Micros(SeenIdRetention));
        await seen.ExecuteNonQueryAsync(cancellationToken);
    }

    // Times and spans travel as whole microseconds: exact in both providers' integers, fine enough for a 20 ms pace.
    private static long Micros(DateTimeOffset instant) => Micros(instant - DateTimeOffset.UnixEpoch);

    private static long Micros(TimeSpan span) => span.Ticks / TimeSpan.TicksPerMicrosecond;

    /// <summary>
    /// The limits to share when several instances may share the store (PostgreSQL); null on SQLite, whose one
    /// instance keeps its limits in memory.
    /// </summary>
    public static SharedRateLimits? WhenShared(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetService(typeof(BotDatabase)) is BotDatabase { Provider: StorageProvider.Postgres }
            ? (SharedRateLimits?)services.GetService(typeof(SharedRateLimits))
            : null;
    }
}
