using System.Diagnostics;
using System.Globalization;

namespace Kuril.Bench;

/// <summary>Sections 1, 2 and 5: <c>ask</c> on the shipped corpus beside the plain Lucene floor, the same at scale, and start-up.</summary>
public static class KnowledgeBench
{
    public static List<BenchRow> ShippedCorpus(BenchSettings settings, IReadOnlyList<string> questions)
    {
        const string Section = "ask, shipped corpus";
        using var data = new TempFolder("kuril-bench-data");
        using var knowledge = KnowledgeProbe.Open(RepoPaths.Corpus, data.Path).Load();
        var ask = KnowledgeProbe.MeasureAsk(knowledge, questions, settings.AskRounds);
        var floor = KnowledgeProbe.MeasureFloor(KnowledgeProbe.IndexFolder(data.Path), KnowledgeProbe.QueryTerms(RepoPaths.Corpus, questions), settings.AskRounds);
        return AskRows(Section, knowledge.PassageCount, ask, floor, p99Target: 2);
    }

    public static List<BenchRow> Scale(BenchSettings settings, IReadOnlyList<string> questions)
    {
        var section = string.Create(CultureInfo.InvariantCulture, $"ask, {settings.ScaleDocuments:N0} documents");
        using var folder = new TempFolder("kuril-bench-scale");
        var corpus = Path.Combine(folder.Path, "corpus");
        var dataPath = Path.Combine(folder.Path, "data");
        var bytes = CorpusGenerator.Generate(corpus, settings.ScaleDocuments);

        ResidentMemory.ResetPeak();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var build = Stopwatch.StartNew();
        using var knowledge = KnowledgeProbe.Open(corpus, dataPath).Load();
        build.Stop();
        var buildCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var buildPeak = ResidentMemory.PeakBytes();

        var peakReset = ResidentMemory.ResetPeak();
        var ask = KnowledgeProbe.MeasureAsk(knowledge, questions, settings.ScaleAskRounds);
        var servingPeak = ResidentMemory.PeakBytes();
        var floor = KnowledgeProbe.MeasureFloor(KnowledgeProbe.IndexFolder(dataPath), KnowledgeProbe.QueryTerms(corpus, questions), settings.ScaleAskRounds);

        var rows = new List<BenchRow>
        {
            BenchRow.Info(section, "corpus", string.Create(CultureInfo.InvariantCulture, $"{Directory.GetFiles(Path.Combine(corpus, "documents")).Length:N0} documents, {ResidentMemory.Mb(bytes)}, {knowledge.PassageCount:N0} passages, index {ResidentMemory.Mb(KnowledgeProbe.IndexBytes(dataPath))}")),
            new(section, "index build (read, clean, index)", Seconds(build.Elapsed), "≤ 60 s", build.Elapsed.TotalSeconds <= 60),
            BenchRow.Info(section, "index build CPU time (all threads; wall time above depends on the machine's load)", Seconds(buildCpu)),
            BenchRow.Info(section, "peak working set while building", ResidentMemory.Mb(buildPeak)),
        };
        rows.AddRange(AskRows(section, knowledge.PassageCount, ask, floor, p99Target: 20));

        // A restart: the index of this corpus state is present, so the documents are not read again.
        var restart = Stopwatch.StartNew();
        using (KnowledgeProbe.Open(corpus, dataPath).Load()) restart.Stop();
        rows.Add(new(section, "start to ready, index present (KnowledgeBase.Load(), in process)", Seconds(restart.Elapsed), "≤ 0.5 s", restart.Elapsed.TotalSeconds <= 0.5));
        rows.Add(new(section, "peak working set while serving" + (peakReset ? string.Empty : " (whole run: peak reset unavailable)"), ResidentMemory.Mb(servingPeak), "≤ 150 MB", servingPeak <= 150L * 1024 * 1024));
        return rows;
    }

    public static async Task<List<BenchRow>> StartupAsync(BenchSettings settings)
    {
        const string Section = "start-up to ready";
        var rows = new List<BenchRow>();
        using (var data = new TempFolder("kuril-bench-start"))
        {
            var fresh = Stopwatch.StartNew();
            using (KnowledgeProbe.Open(RepoPaths.Corpus, data.Path).Load()) fresh.Stop();
            var existing = Stopwatch.StartNew();
            using (KnowledgeProbe.Open(RepoPaths.Corpus, data.Path).Load()) existing.Stop();
            rows.Add(BenchRow.Info(Section, "KnowledgeBase.Load(), index rebuilt (in process, warm JIT)", Latencies.Ms(fresh.Elapsed.TotalMilliseconds)));
            rows.Add(new(Section, "KnowledgeBase.Load(), index present (in process, warm JIT)", Latencies.Ms(existing.Elapsed.TotalMilliseconds), "≤ 0.5 s", existing.Elapsed.TotalSeconds <= 0.5));
        }

        if (!settings.RunProcesses) return rows;
        using (var data = new TempFolder("kuril-bench-process"))
        {
            var rebuilt = await BotProcessTimer.AskAsync(data.Path);
            var present = await BotProcessTimer.AskAsync(data.Path);
            rows.Add(BenchRow.Info(Section, "process `dotnet Kuril.Bot.dll ask …`, index rebuilt", Seconds(rebuilt)));
            rows.Add(BenchRow.Info(Section, "process `dotnet Kuril.Bot.dll ask …`, index present", Seconds(present)));
        }

        return rows;
    }

    private static List<BenchRow> AskRows(string section, int passages, Latencies ask, Latencies floor, double p99Target)
    {
        var askP99 = ask.Percentile(99);
        var floorP99 = floor.Percentile(99);
        var ratio = askP99 / floorP99;
        return
        [
            BenchRow.Info(section, "samples (ask / floor), passages", string.Create(CultureInfo.InvariantCulture, $"{ask.Count} / {floor.Count}, {passages:N0}")),
            BenchRow.Info(section, "ask p50", Latencies.Ms(ask.Percentile(50))),
            new(section, "ask p99", Latencies.Ms(askP99), string.Create(CultureInfo.InvariantCulture, $"≤ {p99Target} ms"), askP99 <= p99Target),
            BenchRow.Info(section, "floor (plain Lucene BM25, terms OR-ed, top 3) p50", Latencies.Ms(floor.Percentile(50))),
            BenchRow.Info(section, "floor p99", Latencies.Ms(floorP99)),
            new(section, "ask p99 / floor p99", ratio.ToString("0.0", CultureInfo.InvariantCulture) + "×", "≤ 3×", ratio <= 3),
        ];
    }

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";
}
