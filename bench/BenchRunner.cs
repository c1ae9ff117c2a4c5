using System.Diagnostics;
using System.Globalization;

namespace Kuril.Bench;

/// <summary>Runs every section in one process and prints one table; <c>--smoke</c> runs each briefly to prove it works.</summary>
public static class BenchRunner
{
    /// <returns>0 when every section ran (missed targets are reported, not failed), 2 for bad arguments.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var settings = BenchSettings.Full;
        string? only = null; // one section by the start of its name, to re-measure it alone
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--smoke":
                    settings = BenchSettings.SmokeRun;
                    break;
                case "--docs" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var docs) && docs > 0:
                    settings = settings with { ScaleDocuments = docs };
                    i++;
                    break;
                case "--only" when i + 1 < args.Length:
                    only = args[++i];
                    break;
                default:
                    await output.WriteLineAsync("usage: dotnet run -c Release --project bench [-- --smoke] [--docs N] [--only SECTION]");
                    return 2;
            }
        }

        var total = Stopwatch.StartNew();
        await output.WriteLineAsync($"Kuril bot bench{(settings.Smoke ? " (smoke run: figures are meaningless)" : string.Empty)}");
        await output.WriteLineAsync("machine: " + Machine.Describe());
        await output.WriteLineAsync("load average at start: " + Machine.LoadAverage());
#if DEBUG
        await output.WriteLineAsync("warning: a Debug build; run with -c Release for figures worth recording");
#endif
        var questions = DevQuestions.Load();
        var rows = new List<BenchRow>();
        rows.AddRange(await Timed(output, only, "ask on the shipped corpus", () => Task.FromResult(KnowledgeBench.ShippedCorpus(settings, questions))));
        rows.AddRange(await Timed(output, only, "ask at scale", () => Task.FromResult(KnowledgeBench.Scale(settings, questions))));
        rows.AddRange(await Timed(output, only, "start-up", () => KnowledgeBench.StartupAsync(settings)));
        rows.AddRange(await Timed(output, only, "Discord interactions", () => InteractionsBench.RunAsync(settings)));
        rows.AddRange(await Timed(output, only, "Discord REST posts", () => RestBench.RunAsync(settings)));
        rows.AddRange(await Timed(output, only, "Telegram webhook", () => TelegramWebhookBench.RunAsync(settings)));
        rows.AddRange(await Timed(output, only, "Shared limits", () => SharedLimitsBench.RunAsync(settings)));
        rows.AddRange(await Timed(output, only, "Web site", () => WebBench.RunAsync(settings, questions)));
        rows.AddRange(await Timed(output, only, "chaos", () => ChaosBench.RunAsync(settings)));
        await output.WriteLineAsync();
        await TableWriter.WriteAsync(output, rows);
        await output.WriteLineAsync();
        var missed = rows.Count(r => r.Met == false);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{rows.Count(r => r.Met == true)} targets met, {missed} missed; {total.Elapsed.TotalSeconds:0} s in all"));
        return 0;
    }

    private static async Task<List<BenchRow>> Timed(TextWriter output, string? only, string name, Func<Task<List<BenchRow>>> section)
    {
        if (only is not null && !name.Contains(only, StringComparison.OrdinalIgnoreCase)) return [];
        var stopwatch = Stopwatch.StartNew();
        await output.WriteAsync($"{name} … ");
        await output.FlushAsync();
        var rows = await section();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{stopwatch.Elapsed.TotalSeconds:0.0} s"));
        return rows;
    }
}
