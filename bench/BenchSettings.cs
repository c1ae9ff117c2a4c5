namespace Kuril.Bench;

/// <summary>How much each section does: the full run, or a smoke run of a few seconds that only proves the bench works.</summary>
public sealed record BenchSettings(
    bool Smoke,
    int AskRounds,
    int ScaleDocuments,
    int ScaleAskRounds,
    int Clients,
    TimeSpan LoadDuration,
    int VerifyCalls,
    int RestMessages,
    int DailySubscriptions,
    double DailyTimeFactor,
    bool RunProcesses)
{
    public static BenchSettings Full { get; } = new(false, 30, 10_000, 5, 16, TimeSpan.FromSeconds(10), 20_000, 1_000, 100_000, 10, true);

    public static BenchSettings SmokeRun { get; } = new(true, 1, 40, 1, 4, TimeSpan.FromSeconds(1), 200, 60, 200, 25, false);
}
