using System.Diagnostics;
using System.Text;
using Kuril.Knowledge.Answers;
using Kuril.Knowledge.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Kuril.Knowledge.Tests.Corpus;

/// <summary>
/// Hostile corpus files (huge, binary, deeply nested or alias-bombed YAML, a timeline of 100,000 lines): loading stays
/// bounded in time and memory, never crashes, and each bad file is named in a clear message; good documents serve.
/// </summary>
public sealed class CorpusFuzzTests : IDisposable
{
    private const string GoodBody = "The Soviet Union occupied Shumshu in August 1945.\n";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private readonly TempCorpus _corpus = new(withShippedDocuments: false);
    private readonly ListLogger<KnowledgeBase> _logs = new();

    public void Dispose() => _corpus.Dispose();

    [Fact]
    public async Task A_ten_megabyte_document_is_skipped_by_default_and_indexed_when_the_limit_allows()
    {
        _corpus.WriteDocument("good.md", GoodBody);
        var paragraph = "Kunashiri and Etorofu were settled by Japanese fishermen long before 1945, the petition says. ";
        var builder = new StringBuilder(11 * 1024 * 1024);
        for (var i = 0; builder.Length < 10 * 1024 * 1024; i++) builder.Append(paragraph).Append(i).Append(i % 8 == 0 ? "\n\n" : " ");
        _corpus.WriteDocument("huge.md", builder.ToString());

        using (var defaults = Create())
        {
            await LoadAsync(defaults);
            Assert.Equal(["good"], defaults.Documents.Select(d => d.Id));
            Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("huge.md", StringComparison.Ordinal));
        }

        using var allowed = Create(maxDocumentBytes: 20 * 1024 * 1024);
        await LoadAsync(allowed);
        Assert.Equal(["good", "huge"], allowed.Documents.Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_binary_file_never_stops_the_load()
    {
        _corpus.WriteDocument("good.md", GoodBody);
        var bytes = new byte[256 * 1024];
        new Random(7).NextBytes(bytes);
        _corpus.WriteDocument("noise.md", bytes);

        using var knowledge = Create();
        await LoadAsync(knowledge);

        Assert.Contains("good", knowledge.Documents.Select(d => d.Id));
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("noise.md", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("deep flow", 100_000)]
    [InlineData("deep block", 20_000)]
    [InlineData("alias bomb", 9)]
    public async Task Hostile_front_matter_skips_its_document_naming_it(string shape, int size)
    {
        _corpus.WriteDocument("good.md", GoodBody);
        _corpus.WriteDocument("bomb.md", "---\n" + FrontMatter(shape, size) + "\n---\n" + GoodBody);

        using var knowledge = Create();
        await LoadAsync(knowledge);

        Assert.Equal(["good"], knowledge.Documents.Select(d => d.Id));
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("bomb.md", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_timeline_of_100000_lines_loads_in_bounded_time_or_is_refused_naming_the_file()
    {
        _corpus.WriteDocument("good.md", GoodBody);
        var timeline = new StringBuilder("events:\n");
        for (var i = 0; i < 25_000; i++)
        {
            timeline.Append(System.Globalization.CultureInfo.InvariantCulture, $"  - date: \"{1800 + (i % 200)}-{1 + (i % 12):00}-{1 + (i % 28):00}\"\n");
            timeline.Append(System.Globalization.CultureInfo.InvariantCulture, $"    text: \"Event {i} of the fuzzed timeline.\"\n");
            timeline.Append("    sources:\n      - title: \"Fuzz\"\n");
        }

        await File.WriteAllTextAsync(Path.Combine(_corpus.CorpusPath, "timeline.yaml"), timeline.ToString(), TestContext.Current.CancellationToken);

        using var knowledge = Create();
        var clock = Stopwatch.StartNew();
        try
        {
            await LoadAsync(knowledge);
            Assert.Contains("good", knowledge.Documents.Select(d => d.Id));
        }
        catch (FormatException refused)
        {
            Assert.Contains("timeline.yaml", refused.Message, StringComparison.Ordinal);
        }

        Assert.True(clock.Elapsed < Bound, $"took {clock.Elapsed}");
    }

    private static string FrontMatter(string shape, int size) => shape switch
    {
        // [[[[… and a: a: a: …: nesting deep enough to exhaust a recursive parser's stack.
        "deep flow" => "title: " + new string('[', size) + new string(']', size),
        "deep block" => string.Concat(Enumerable.Range(0, size).Select(i => new string(' ', i) + "a:\n")) + new string(' ', size) + "b",

        // Each level refers to the one before nine times: 9^size strings if expanded.
        _ => "a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
            + string.Concat(Enumerable.Range(1, size).Select(i => $"a{i}: &a{i} [{string.Join(',', Enumerable.Repeat($"*a{i - 1}", 9))}]\n"))
            + $"title: *a{size}",
    };

    private static async Task LoadAsync(KnowledgeBase knowledge) =>
        await Task.Run(knowledge.Load, TestContext.Current.CancellationToken).WaitAsync(Bound, TestContext.Current.CancellationToken);

    private KnowledgeBase Create(long maxDocumentBytes = Kuril.Knowledge.Corpus.CorpusFiles.DefaultMaxBytes) => TestKnowledge.Over(_corpus, _logs, maxDocumentBytes);
}
