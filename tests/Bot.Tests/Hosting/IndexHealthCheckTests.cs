using Kuril.Knowledge.Answers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kuril.Bot.Tests.Hosting;

/// <summary>The readiness check of the index: how old the serving index is and why the last re-index was refused.</summary>
public sealed class IndexHealthCheckTests : IDisposable
{
    private readonly string _corpus = Directory.CreateTempSubdirectory("kuril-index-health-").FullName;
    private readonly TestBot _bot;

    public IndexHealthCheckTests()
    {
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Corpus, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_corpus, Path.GetRelativePath(RepoPaths.Corpus, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        _bot = new TestBot(new Dictionary<string, string?> { ["Knowledge:CorpusPath"] = _corpus });
    }

    public void Dispose()
    {
        _bot.Dispose();
        Directory.Delete(_corpus, recursive: true);
    }

    [Fact]
    public async Task Shows_the_index_age_and_the_reason_the_last_reload_was_refused()
    {
        var knowledge = _bot.Services.GetRequiredService<KnowledgeBase>().Load();
        _bot.Time.Advance(TimeSpan.FromMinutes(5));
        var fresh = await CheckAsync();
        Assert.Equal("300", Convert.ToString(fresh.Data["age seconds"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("none", fresh.Data["last reload error"]);

        foreach (var file in Directory.GetFiles(Path.Combine(_corpus, "documents"))) File.Delete(file);
        Assert.False(knowledge.Reload());
        _bot.Time.Advance(TimeSpan.FromMinutes(1));
        var refused = await CheckAsync();

        Assert.Equal(HealthStatus.Healthy, refused.Status);
        Assert.Equal("360", Convert.ToString(refused.Data["age seconds"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("no document", (string)refused.Data["last reload error"], StringComparison.Ordinal);
    }

    private async Task<HealthReportEntry> CheckAsync()
    {
        var report = await _bot.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Name == "index", TestContext.Current.CancellationToken);
        return report.Entries["index"];
    }
}
