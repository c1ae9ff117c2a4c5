using Kuril.Knowledge.Answers;
using Kuril.Knowledge.Hosting;
using Kuril.Knowledge.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kuril.Knowledge.Tests.Hosting;

/// <summary>The registered knowledge core with its real corpus watcher, started without a host.</summary>
public sealed class CorpusWatcherTests : IAsyncDisposable
{
    private const string Deported = "How many Japanese civilians were deported from the Kurils?";
    private const string FirstText = "The Zorblatt accord of 1799 gave Japan a lighthouse on Shikotan.";
    private const string SecondText = "The Quenfrey accord of 1802 gave Russia a harbour on Shikotan.";

    private readonly TempCorpus _corpus = new(withShippedDocuments: true);
    private readonly ListLoggerProvider _logs = new();
    private readonly ServiceProvider _services;
    private readonly List<IHostedService> _started = [];

    public CorpusWatcherTests()
    {
        _services = Build(_corpus.CorpusPath);
    }

    private IKnowledgeBase Knowledge => _services.GetRequiredService<IKnowledgeBase>();

    public async ValueTask DisposeAsync()
    {
        foreach (var service in Enumerable.Reverse(_started)) await service.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
        _logs.Dispose();
        _corpus.Dispose();
    }

    [Fact]
    public async Task Picks_up_added_edited_removed_and_broken_documents_while_running()
    {
        await StartAsync();
        Assert.True(Knowledge.Finds(Deported, "17,000"));
        Assert.False(Knowledge.Finds("Zorblatt accord", "Zorblatt"));

        var path = _corpus.WriteDocument("accords.md", "---\ntitle: Accords\n---\n" + FirstText + "\n");
        await Poll.UntilAsync(() => Knowledge.Finds("Zorblatt accord", FirstText), "the added document is answered from");

        await File.WriteAllTextAsync(path, "---\ntitle: Accords\n---\n" + SecondText + "\n", TestContext.Current.CancellationToken);
        await Poll.UntilAsync(() => Knowledge.Finds("Quenfrey accord", SecondText), "the edited text is answered from");
        Assert.False(Knowledge.Finds("Zorblatt accord", "Zorblatt"));

        File.Delete(path);
        await Poll.UntilAsync(() => Knowledge.FindDocument("accords") is null, "the removed document is gone");
        Assert.False(Knowledge.Finds("Quenfrey accord", "Quenfrey"));

        _corpus.WriteDocument("broken.md", [0x00, 0xFF, 0x00, 0xFE]);
        _corpus.WriteDocument("later.md", FirstText + "\n");
        await Poll.UntilAsync(() => Knowledge.FindDocument("later") is not null, "the document added beside a broken one is indexed");
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("broken.md", StringComparison.Ordinal));
        Assert.Null(Knowledge.FindDocument("broken"));
        Assert.True(Knowledge.Finds(Deported, "17,000"));
        Assert.True(Knowledge.Finds("Zorblatt accord", FirstText));
    }

    [Fact]
    public async Task Loads_the_corpus_when_started()
    {
        await StartAsync();

        var shipped = Directory.GetFiles(_corpus.DocumentsPath).Length;
        Assert.Contains(_logs.Entries, e => e.Message.StartsWith($"Index ready: {shipped} documents", StringComparison.Ordinal));
        Assert.Equal(shipped, Knowledge.Documents.Count);
    }

    [Fact]
    public async Task Keeps_serving_when_a_resource_file_breaks_while_running()
    {
        await StartAsync();

        await File.WriteAllTextAsync(Path.Combine(_corpus.CorpusPath, "aliases.yaml"), "groups: [ { id: broken\n", TestContext.Current.CancellationToken);
        await Poll.UntilAsync(() => _logs.Entries.Any(e => e.Level == LogLevel.Error), "the failed re-index is logged");

        Assert.True(Knowledge.Finds(Deported, "17,000"));
        Assert.True(Knowledge.Finds("Итуруп", "Iturup"));
    }

    [Fact]
    public async Task Keeps_the_last_index_and_warns_when_every_document_is_deleted()
    {
        await StartAsync();
        var before = Knowledge.Documents.Count;
        var knowledge = _services.GetRequiredService<KnowledgeBase>();
        var loadedAt = knowledge.LoadedAt;

        foreach (var file in Directory.GetFiles(_corpus.DocumentsPath)) File.Delete(file);
        await Poll.UntilAsync(() => _logs.Entries.Any(e => e.Message.Contains("would leave no document", StringComparison.Ordinal)), "the refused re-index is logged");

        Assert.Equal(LogLevel.Warning, _logs.Entries.Single(e => e.Message.Contains("would leave no document", StringComparison.Ordinal)).Level);
        Assert.Equal(before, Knowledge.Documents.Count);
        Assert.True(Knowledge.Finds(Deported, "17,000"));
        Assert.Contains("no document", knowledge.LastReloadError, StringComparison.Ordinal);
        Assert.Equal(loadedAt, knowledge.LoadedAt);
    }

    [Fact]
    public async Task Keeps_watching_when_the_corpus_folder_is_deleted_and_made_again()
    {
        await StartAsync();
        var copy = CopyCorpus("corpus.copy");

        Directory.Delete(_corpus.CorpusPath, recursive: true);
        await Poll.UntilAsync(() => _logs.Entries.Any(e => e.Message.Contains("would leave no document", StringComparison.Ordinal)), "the re-index of the deleted folder is refused");
        Assert.True(Knowledge.Finds(Deported, "17,000"));

        Directory.Move(copy, _corpus.CorpusPath);
        await Poll.UntilAsync(() => Knowledge.Finds("Zorblatt accord", FirstText), "the re-created folder is answered from");
        Assert.Contains(_logs.Entries, e => e.Message.Contains("was removed, re-created or swapped", StringComparison.Ordinal));

        _corpus.WriteDocument("quenfrey.md", SecondText + "\n");
        await Poll.UntilAsync(() => Knowledge.Finds("Quenfrey accord", SecondText), "a change inside the re-created folder is seen");
    }

    [Fact]
    public async Task Keeps_watching_when_the_corpus_folder_is_swapped_by_rename()
    {
        await StartAsync();
        var fresh = CopyCorpus("corpus.new");

        Directory.Move(_corpus.CorpusPath, _corpus.CorpusPath + ".old");
        Directory.Move(fresh, _corpus.CorpusPath);
        await Poll.UntilAsync(() => Knowledge.Finds("Zorblatt accord", FirstText), "the swapped-in folder is answered from");
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("was removed, re-created or swapped", StringComparison.Ordinal));

        _corpus.WriteDocument("quenfrey.md", SecondText + "\n");
        await Poll.UntilAsync(() => Knowledge.Finds("Quenfrey accord", SecondText), "a change inside the swapped-in folder is seen");
    }

    [Fact]
    public void Rejects_a_corpus_path_without_a_documents_folder_naming_the_setting()
    {
        using var empty = new TempDirectory();
        using var services = Build(empty.Path);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<KnowledgeOptions>>().Value);

        Assert.Contains("Knowledge:CorpusPath", error.Message, StringComparison.Ordinal);
    }

    // A copy of the corpus beside it, with one more document, made before the swap so the swap itself is quick.
    private string CopyCorpus(string name)
    {
        var copy = Path.Combine(Path.GetDirectoryName(_corpus.CorpusPath)!, name);
        foreach (var file in Directory.EnumerateFiles(_corpus.CorpusPath, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(_corpus.CorpusPath, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        File.WriteAllText(Path.Combine(copy, "documents", "accords.md"), "---\ntitle: Accords\n---\n" + FirstText + "\n");
        return copy;
    }

    private ServiceProvider Build(string corpusPath)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Knowledge:CorpusPath"] = corpusPath,
                ["Knowledge:DataPath"] = _corpus.DataPath,
                ["Knowledge:ReloadDelay"] = "00:00:00.200",
            })
            .Build();
        return new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug))
            .AddKnowledge(configuration)
            .BuildServiceProvider();
    }

    private async Task StartAsync()
    {
        var hosted = _services.GetServices<IHostedService>().ToList();
        Assert.NotEmpty(hosted);
        foreach (var service in hosted)
        {
            await service.StartAsync(TestContext.Current.CancellationToken);
            _started.Add(service);
        }

        // The watcher starts in the background: changes made before it watches would go unnoticed.
        await Poll.UntilAsync(() => _logs.Entries.Any(e => e.Message.StartsWith("Watching ", StringComparison.Ordinal)), "the corpus watcher is watching");
    }
}
