using System.Diagnostics;
using System.Globalization;
using Kuril.Bot.Hosting;
using Kuril.Knowledge.Answers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Kuril.Bench;

/// <summary>
/// The reference site on the real bot host over loopback: <c>/search</c> (the dev questions, rendered to HTML) and the
/// largest document's page, from N concurrent clients in this process, beside the plain in-process <c>ask</c> they wrap.
/// </summary>
public static class WebBench
{
    private const string Section = "Web (loopback)";

    public static async Task<List<BenchRow>> RunAsync(BenchSettings settings, IReadOnlyList<string> questions)
    {
        using var data = new TempFolder("kuril-bench-web-");
        using var host = BotHost.Build(
        [
            "--Urls=http://127.0.0.1:0",
            "--Logging:LogLevel:Default=Warning",
            "--Web:PublicUrl=https://bench.example.org",
            "--Web:SearchPermits=1000000", // one client address here; the limit is measured by the tests, not the bench
            "--Knowledge:CorpusPath=" + RepoPaths.Corpus,
            "--Knowledge:DataPath=" + data.Path,
            "--Knowledge:WatchCorpus=false",
        ]);
        await host.StartAsync();
        var root = new Uri(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var knowledge = host.Services.GetRequiredService<IKnowledgeBase>();
        var largest = knowledge.Documents.MaxBy(d => d.PassageCount) ?? throw new InvalidOperationException("no document in the corpus");
        var searches = questions.Select(q => new Uri(root, "/search?q=" + Uri.EscapeDataString(q))).ToArray();
        Uri[] source = [new Uri(root, "/sources/" + Uri.EscapeDataString(largest.Id))];

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = settings.Clients, UseProxy = false });
        var warmUp = TimeSpan.FromSeconds(settings.Smoke ? 0.2 : 2);
        await LoadAsync(http, searches, settings.Clients, warmUp, null);
        var search = new Latencies();
        var allocated = GC.GetTotalAllocatedBytes();
        var paused = GC.GetTotalPauseDuration();
        var stopwatch = Stopwatch.StartNew();
        var count = await LoadAsync(http, searches, settings.Clients, settings.LoadDuration, search);
        stopwatch.Stop();
        // Both include the bench's own clients, which share the process.
        var allocatedPerRequest = (GC.GetTotalAllocatedBytes() - allocated) / (double)count;
        var pausedShare = (GC.GetTotalPauseDuration() - paused) / stopwatch.Elapsed;
        await LoadAsync(http, source, settings.Clients, warmUp, null);
        var page = new Latencies();
        await LoadAsync(http, source, settings.Clients, settings.LoadDuration / 2, page);
        await host.StopAsync();

        var ask = KnowledgeProbe.MeasureAsk((KnowledgeBase)knowledge, questions, settings.AskRounds);
        var perSecond = count / stopwatch.Elapsed.TotalSeconds;
        var searchP99 = search.Percentile(99);
        var pageP99 = page.Percentile(99);
        return
        [
            BenchRow.Info(Section, "/search: clients, requests", string.Create(CultureInfo.InvariantCulture, $"{settings.Clients}, {count:N0} in {stopwatch.Elapsed.TotalSeconds:0.0} s")),
            new(Section, "/search: requests/s", perSecond.ToString("N0", CultureInfo.InvariantCulture), "≥ 1,000", perSecond >= 1_000),
            BenchRow.Info(Section, "/search: p50", Latencies.Ms(search.Percentile(50))),
            BenchRow.Info(Section, "/search: allocated per request, time in GC pauses", string.Create(CultureInfo.InvariantCulture, $"{allocatedPerRequest / 1024:0.0} KB, {pausedShare:P1}")),
            new(Section, "/search: p99", Latencies.Ms(searchP99), "≤ 20 ms", searchP99 <= 20),
            BenchRow.Info(Section, string.Create(CultureInfo.InvariantCulture, $"/sources/{{id}} ({largest.PassageCount} passages): p99"), Latencies.Ms(pageP99)),
            BenchRow.Info(Section, "plain ask in process, same questions: p99", Latencies.Ms(ask.Percentile(99))),
        ];
    }

    private static async Task<int> LoadAsync(HttpClient http, Uri[] addresses, int clients, TimeSpan duration, Latencies? latencies)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var total = 0;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            var mine = new Latencies();
            var sent = 0;

            // Read into one buffer per client: the clients share the site's process, and their garbage is not the site's.
            using var body = new MemoryStream();
            for (var i = client; Stopwatch.GetTimestamp() < deadline; i += clients)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(addresses[i % addresses.Length], HttpCompletionOption.ResponseHeadersRead);
                body.SetLength(0);
                await response.Content.CopyToAsync(body);
                mine.AddSince(start);
                if (!response.IsSuccessStatusCode || body.GetBuffer().AsSpan(0, (int)body.Length).IndexOf("</html>"u8) < 0)
                {
                    throw new InvalidOperationException($"{addresses[i % addresses.Length]} answered {(int)response.StatusCode}");
                }

                sent++;
            }

            latencies?.AddAll(mine);
            Interlocked.Add(ref total, sent);
        }));
        return total;
    }
}
