using System.Diagnostics;

namespace Kuril.Bench;

/// <summary>Wall time of the bot as a user starts it: <c>dotnet Kuril.Bot.dll ask …</c> from the repository root.</summary>
public static class BotProcessTimer
{
    private const string Question = "When was the Yalta conference?";

    public static async Task<TimeSpan> AskAsync(string dataPath)
    {
        // The project reference copies the bot (with its runtimeconfig) beside the bench.
        var bot = Path.Combine(AppContext.BaseDirectory, "Kuril.Bot.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { bot, "ask", Question, "--Knowledge:DataPath=" + dataPath, "--Knowledge:WatchCorpus=false" }) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        stopwatch.Stop();
        if (process.ExitCode != 0) throw new InvalidOperationException($"The bot exited with {process.ExitCode}: {await error}");
        _ = await output;
        return stopwatch.Elapsed;
    }
}
