using System.Diagnostics;
using Kuril.Knowledge.Answers;
using Kuril.Knowledge.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Kuril.Knowledge.Tests.Corpus;

/// <summary>
/// What a corpus folder may hold that is not a document (a link loop, a FIFO, a link out of the corpus, a huge
/// file): loading stays bounded, the good documents serve, and each trap is named once in a warning.
/// </summary>
public sealed class CorpusTrapTests : IDisposable
{
    private const string GoodBody = "The Soviet Union occupied Shumshu in August 1945.\n";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private readonly TempCorpus _corpus = new(withShippedDocuments: false);
    private readonly TempDirectory _outside = new();
    private readonly ListLogger<KnowledgeBase> _logs = new();

    public void Dispose()
    {
        _outside.Dispose();
        _corpus.Dispose();
    }

    [Fact]
    public async Task Loads_in_bounded_time_past_a_symlink_loop_and_a_fifo_naming_each()
    {
        _corpus.WriteDocument("good.md", GoodBody);
        Directory.CreateSymbolicLink(Path.Combine(_corpus.CorpusPath, "loop"), ".");
        Directory.CreateSymbolicLink(Path.Combine(_corpus.DocumentsPath, "loop"), "..");
        MakeFifo(Path.Combine(_corpus.DocumentsPath, "pipe.md"));
        File.Delete(Path.Combine(_corpus.CorpusPath, "synonyms.yaml"));
        MakeFifo(Path.Combine(_corpus.CorpusPath, "synonyms.yaml"));

        using var knowledge = Create();
        await Task.Run(knowledge.Load, TestContext.Current.CancellationToken).WaitAsync(Bound, TestContext.Current.CancellationToken);

        Assert.Equal(["good"], knowledge.Documents.Select(d => d.Id));
        Assert.Single(Warnings("pipe.md"));
        Assert.Single(Warnings("loop"));
    }

    [Fact]
    public async Task Reload_stays_bounded_when_a_fifo_appears_while_running()
    {
        _corpus.WriteDocument("good.md", GoodBody);
        using var knowledge = Create();
        knowledge.Load();

        MakeFifo(Path.Combine(_corpus.DocumentsPath, "pipe.md"));
        _corpus.WriteDocument("later.md", "The Treaty of Shimoda of 1855 drew the first border.\n");
        var reloaded = await Task.Run(knowledge.Reload, TestContext.Current.CancellationToken).WaitAsync(Bound, TestContext.Current.CancellationToken);

        Assert.True(reloaded);
        Assert.Equal(["good", "later"], knowledge.Documents.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.NotEmpty(Warnings("pipe.md"));
    }

    [Fact]
    public void Does_not_follow_a_link_out_of_the_corpus()
    {
        var secret = Path.Combine(_outside.Path, "secret.md");
        File.WriteAllText(secret, "The Zorblatt codes were kept in a drawer on Shikotan.\n");
        _corpus.WriteDocument("good.md", GoodBody);
        File.CreateSymbolicLink(Path.Combine(_corpus.DocumentsPath, "secret.md"), secret);

        using var knowledge = Create();
        knowledge.Load();

        Assert.Null(knowledge.FindDocument("secret"));
        Assert.Contains("symbolic link", Assert.Single(Warnings("secret.md")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Skips_a_document_over_the_configured_size_naming_it_and_the_limit()
    {
        _corpus.WriteDocument("good.md", GoodBody);
        _corpus.WriteDocument("huge.md", string.Concat(Enumerable.Repeat(GoodBody, 100)));

        using var knowledge = Create(maxDocumentBytes: 1000);
        knowledge.Load();

        Assert.Equal(["good"], knowledge.Documents.Select(d => d.Id));
        Assert.Contains("larger than the 1,000 bytes limit", Assert.Single(Warnings("huge.md")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resource_file_behind_a_link_fails_the_load_naming_it()
    {
        _corpus.WriteDocument("good.md", GoodBody);
        var aliases = Path.Combine(_corpus.CorpusPath, "aliases.yaml");
        File.Delete(aliases);
        File.CreateSymbolicLink(aliases, Path.Combine(RepoPaths.Corpus, "aliases.yaml"));

        using var knowledge = Create();
        var error = Assert.Throws<FormatException>(() => knowledge.Load());

        Assert.Contains("aliases.yaml: a symbolic link", error.Message, StringComparison.Ordinal);
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        Assert.True(mkfifo.WaitForExit(Bound), "mkfifo finished");
        Assert.Equal(0, mkfifo.ExitCode);
    }

    private KnowledgeBase Create(long maxDocumentBytes = Kuril.Knowledge.Corpus.CorpusFiles.DefaultMaxBytes) => TestKnowledge.Over(_corpus, _logs, maxDocumentBytes);

    private List<LogEntry> Warnings(string fileName) =>
        [.. _logs.Entries.Where(e => e.Level == LogLevel.Warning && e.Message.Contains($"file {fileName} skipped", StringComparison.Ordinal))];
}
