using System.Text.Json;
using Kuril.Bot.Hosting;
using Kuril.Bot.Tests.Support;
using Kuril.Knowledge.Answers;
using Microsoft.Extensions.DependencyInjection;

namespace Kuril.Bot.Tests.Cli;

/// <summary><c>import</c> run as a process on a copy of the shipped corpus, with pages saved for these tests.</summary>
public sealed class ImportCommandLineTests : IDisposable
{
    private static readonly string Fixtures = Path.Combine(RepoPaths.Root, "tests", "Bot.Tests", "Import", "Fixtures");
    private readonly string _root = Path.Combine(Path.GetTempPath(), "kuril-import-tests-" + Guid.NewGuid().ToString("N")[..12]);

    public ImportCommandLineTests()
    {
        foreach (var file in Directory.GetFiles(RepoPaths.Corpus, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Corpus, Path.GetRelativePath(RepoPaths.Corpus, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private string Corpus => Path.Combine(_root, "corpus");

    private string Documents => Path.Combine(Corpus, "documents");

    private string[] Settings => ["--Knowledge:CorpusPath=" + Corpus, "--Knowledge:DataPath=" + Path.Combine(_root, "data")];

    [Fact]
    public async Task Import_of_a_saved_article_adds_a_document_whose_facts_ask_finds_titled_and_dated_from_the_page_without_page_debris()
    {
        const string Question = "When was the Kurilsky nature reserve on Kunashir established?";
        var before = await AskAsync(Question);

        var result = await BotProcess.RunAsync(["import", Path.Combine(Fixtures, "kunashir-reserve.html"), .. Settings]);
        var after = await AskAsync(Question);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.StartsWith("Added documents/kunashirs-volcanoes-and-the-kurilsky-nature-reserve.md: 5 passages", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(before.GetProperty("excerpts").EnumerateArray(), e => e.GetProperty("text").GetString()!.Contains("established in 1984", StringComparison.Ordinal));
        var first = after.GetProperty("excerpts")[0];
        Assert.Contains("established in 1984", first.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("Kunashir's volcanoes and the Kurilsky nature reserve", first.GetProperty("title").GetString());
        Assert.Equal("2021-06-14", first.GetProperty("published").GetString());
        Assert.Equal("https://island-notes.example.org/2021/06/kunashir-reserve", first.GetProperty("url").GetString());
        var file = await File.ReadAllTextAsync(Path.Combine(Documents, "kunashirs-volcanoes-and-the-kurilsky-nature-reserve.md"), TestContext.Current.CancellationToken);
        Assert.Contains("author: \"Maria Petrova\"", file, StringComparison.Ordinal);
        Assert.Contains("publisher: \"Island Notes\"", file, StringComparison.Ordinal);
        AssertNoDebris(file);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_running_bot_answers_from_an_imported_document_without_a_restart()
    {
        const string Question = "When was the Kurilsky nature reserve on Kunashir established?";
        using var host = BotHost.CreateBuilder([.. Settings, "--Knowledge:WatchCorpus=true", "--Logging:LogLevel:Default=Warning"], interactive: false).Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            var knowledge = host.Services.GetRequiredService<IKnowledgeBase>();
            Assert.DoesNotContain(knowledge.Ask(Question).Excerpts, e => e.Text.Contains("established in 1984", StringComparison.Ordinal));

            var result = await BotProcess.RunAsync(["import", Path.Combine(Fixtures, "kunashir-reserve.html"), .. Settings]);
            Assert.True(result.ExitCode == 0, result.StandardError);

            // The watcher re-indexes once the folder is quiet; bounded, with no fixed sleep before the first look.
            var found = false;
            for (var i = 0; i < 600 && !found; i++)
            {
                found = knowledge.Ask(Question).Excerpts.Any(e => e.Text.Contains("established in 1984", StringComparison.Ordinal));
                if (!found) await Task.Delay(100, TestContext.Current.CancellationToken);
            }

            Assert.True(found, "the running bot never answered from the imported document");
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    [Fact]
    public async Task Menus_footers_cookie_notices_and_follow_us_lines_inside_an_article_never_reach_the_corpus()
    {
        var result = await BotProcess.RunAsync(["import", Path.Combine(Fixtures, "shikotan-lighthouse.html"), .. Settings]);

        Assert.True(result.ExitCode == 0, result.StandardError);
        var file = await File.ReadAllTextAsync(Path.Combine(Documents, "at-the-end-of-the-world-shikotans-lighthouse.md"), TestContext.Current.CancellationToken);
        Assert.Contains("title: \"At the End of the World: Shikotan's lighthouse\"", file, StringComparison.Ordinal);
        Assert.Contains("published: 2019-09-03", file, StringComparison.Ordinal);
        Assert.Contains("Cape Kraternyi", file, StringComparison.Ordinal);
        Assert.Contains("family graves near the lighthouse", file, StringComparison.Ordinal);
        AssertNoDebris(file);
    }

    [Fact]
    public async Task An_exact_or_near_duplicate_of_a_document_is_refused_and_nothing_is_written()
    {
        var first = await BotProcess.RunAsync(["import", Path.Combine(Fixtures, "kunashir-reserve.html"), .. Settings]);
        var files = Directory.GetFiles(Documents);

        var again = await BotProcess.RunAsync(["import", Path.Combine(Fixtures, "kunashir-reserve.html"), .. Settings]);
        var reprint = await BotProcess.RunAsync(["import", Path.Combine(Fixtures, "kunashir-reserve-reprint.html"), "--title", "Another title", .. Settings]);

        Assert.True(first.ExitCode == 0, first.StandardError);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("is a duplicate of kunashirs-volcanoes-and-the-kurilsky-nature-reserve", again.StandardError, StringComparison.Ordinal);
        Assert.Equal(1, reprint.ExitCode);
        Assert.Contains("is a near duplicate of kunashirs-volcanoes-and-the-kurilsky-nature-reserve (4 of its 5 passages", reprint.StandardError, StringComparison.Ordinal);
        Assert.Equal(files.Order(), Directory.GetFiles(Documents).Order());
    }

    [Fact]
    public async Task Dry_run_prints_the_cleaned_passages_and_writes_nothing()
    {
        var files = Directory.GetFiles(Documents);

        var result = await BotProcess.RunAsync(["import", Path.Combine(Fixtures, "shikotan-lighthouse.html"), "--dry-run", .. Settings]);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.StartsWith("[1] The lighthouse at Cape Kraternyi on Shikotan", result.Lines[0], StringComparison.Ordinal);
        Assert.Equal(4, result.Lines.Count);
        Assert.StartsWith("Dry run: would add documents/at-the-end-of-the-world-shikotans-lighthouse.md with 3 passages", result.Lines[3], StringComparison.Ordinal);
        AssertNoDebris(result.StandardOutput);
        Assert.Equal(files.Order(), Directory.GetFiles(Documents).Order());
    }

    [Fact]
    public async Task A_markdown_file_is_imported_without_its_markup_and_options_override_its_metadata()
    {
        var result = await BotProcess.RunAsync(["import", Path.Combine(Fixtures, "habomai-fishing.md"), "--published", "2018-06", "--url", "https://example.org/kelp", "--kind", "news", .. Settings]);

        Assert.True(result.ExitCode == 0, result.StandardError);
        var file = await File.ReadAllTextAsync(Path.Combine(Documents, "kelp-fishing-off-the-habomai-islets.md"), TestContext.Current.CancellationToken);
        Assert.Contains("title: \"Kelp fishing off the Habomai islets\"", file, StringComparison.Ordinal);
        Assert.Contains("kind: \"news\"", file, StringComparison.Ordinal);
        Assert.Contains("published: 2018-06-01", file, StringComparison.Ordinal);
        Assert.Contains("url: \"https://example.org/kelp\"", file, StringComparison.Ordinal);
        Assert.Contains("Under a 1981 private agreement with Russia, fishermen from Nemuro harvest kelp", file, StringComparison.Ordinal);
        Assert.DoesNotContain("**", file, StringComparison.Ordinal);
        Assert.DoesNotContain("](", file, StringComparison.Ordinal);
        Assert.DoesNotContain("boats: 280", file, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_options_exit_with_the_usage_code()
    {
        var date = await BotProcess.RunAsync(["import", Path.Combine(Fixtures, "habomai-fishing.md"), "--published", "yesterday", .. Settings]);
        var url = await BotProcess.RunAsync(["import", Path.Combine(Fixtures, "habomai-fishing.md"), "--url", "ftp://example.org/x", .. Settings]);
        var missing = await BotProcess.RunAsync(["import", Path.Combine(Fixtures, "no-such-page.html"), .. Settings]);

        Assert.Equal(2, date.ExitCode);
        Assert.Equal(2, url.ExitCode);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("No such file", missing.StandardError, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void AssertNoDebris(string text)
    {
        foreach (var debris in new[] { "cookie", "Follow us", "Home", "Subscribe", "Related articles", "Share this", "rights reserved", "Terms of use", "Privacy policy", "Log in", "best beaches", "©" })
        {
            Assert.DoesNotContain(debris, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    private async Task<JsonElement> AskAsync(string question)
    {
        var result = await BotProcess.RunAsync(["ask", "--json", question, .. Settings]);
        Assert.True(result.ExitCode == 0, result.StandardError);
        using var json = JsonDocument.Parse(Assert.Single(result.Lines));
        return json.RootElement.Clone();
    }
}
