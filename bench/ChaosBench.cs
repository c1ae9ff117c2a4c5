using System.Globalization;

namespace Kuril.Bench;

/// <summary>
/// Section 9 (issue 18): the kill -9 chaos run, on SQLite with one bot process, then on PostgreSQL with two: 1,000
/// subscriptions due at once, 20 processes killed with SIGKILL at random moments while they post and started again.
/// PostgreSQL is the one in <c>KURIL_TEST_POSTGRES</c>, else a throwaway server from <c>tests/tools/postgres.sh</c>.
/// Not in the smoke run: it starts some 25 bot processes.
/// </summary>
public static class ChaosBench
{
    private const int Subscriptions = 1_000;
    private const int Kills = 20;

    public static async Task<List<BenchRow>> RunAsync(BenchSettings settings)
    {
        if (!settings.RunProcesses) return [];
        var seed = Random.Shared.Next(1_000_000);
        var rows = new List<BenchRow>();
        rows.AddRange(Rows("chaos, SQLite", await ChaosRun.RunAsync(Plan(1, seed), null, CancellationToken.None), seed));
        await using var postgres = await ThrowawayPostgres.StartAsync();
        rows.AddRange(Rows("chaos, PostgreSQL, two instances", await ChaosRun.RunAsync(Plan(2, seed), postgres.ConnectionString, CancellationToken.None), seed));
        return rows;
    }

    // A lease of 10 s (2 min in production) so that twenty kills' claims are taken over within the run; it still
    // outlasts a post's send here by far (150 ms round trip, a second at most in the limiters).
    private static ChaosPlan Plan(int instances, int seed) => new(
        Subscriptions,
        instances,
        Kills,
        MaxKillDelay: TimeSpan.FromSeconds(1.5),
        MaxPostingWait: TimeSpan.FromSeconds(20),
        Lease: TimeSpan.FromSeconds(10),
        RoundInterval: TimeSpan.FromSeconds(1),
        Deadline: TimeSpan.FromMinutes(4),
        seed);

    private static List<BenchRow> Rows(string section, ChaosResult result, int seed)
    {
        if (!result.Finished) Console.Error.WriteLine($"{section}: not finished within the deadline; the instances' last lines:\n{result.Log}");
        return
        [
            BenchRow.Info(section, "kill -9 restarts", result.Kills.ToString(CultureInfo.InvariantCulture)),
            new(section, "posts delivered / expected", string.Create(CultureInfo.InvariantCulture, $"{result.Delivered} / {result.Expected}"), "all", result.Delivered == result.Expected),
            new(section, "duplicate posts (Discord)", result.Discord.Duplicates.ToString(CultureInfo.InvariantCulture), "0", result.Discord.Duplicates == 0),
            new(section, "duplicate posts (Telegram)", result.Telegram.Duplicates.ToString(CultureInfo.InvariantCulture), "≤ retries after a kill in flight", result.Telegram.Duplicates <= result.ResentAfterCrash),
            new(section, "missed posts", result.Missed.ToString(CultureInfo.InvariantCulture), "0", result.Missed == 0),
            BenchRow.Info(section, "Telegram posts retried after a kill in flight (event 5010)", result.ResentAfterCrash.ToString(CultureInfo.InvariantCulture)),
            BenchRow.Info(section, "wall time, seed", string.Create(CultureInfo.InvariantCulture, $"{result.Elapsed.TotalSeconds:0} s, {seed}")),
        ];
    }
}
