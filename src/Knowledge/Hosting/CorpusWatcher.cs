using System.Threading.Channels;
using Kuril.Knowledge.Answers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kuril.Knowledge.Hosting;

/// <summary>
/// Loads the corpus when the host starts and re-indexes it when files in the corpus folder change, once the
/// folder has been quiet for <see cref="KnowledgeOptions.ReloadDelay"/>.
/// </summary>
internal sealed class CorpusWatcher(
    KnowledgeBase knowledge,
    IOptions<KnowledgeOptions> options,
    TimeProvider time,
    ILogger<CorpusWatcher> logger) : BackgroundService
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        knowledge.Load(); // fail the start, naming the broken file, rather than the first question
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WatchCorpus) return;
        var changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        using var watcher = CreateWatcher(options.Value.CorpusPath, () => changes.Writer.TryWrite(true));
        if (watcher is null) return;
        var corpusPath = Path.GetFullPath(options.Value.CorpusPath);
        KnowledgeLog.WatchingCorpus(logger, corpusPath);

        while (await changes.Reader.WaitToReadAsync(stoppingToken))
        {
            // Debounce: an editor's save or a copy raises several events; re-index once the folder is quiet.
            do
            {
                changes.Reader.TryRead(out _);
                await Task.Delay(options.Value.ReloadDelay, time, stoppingToken);
            }
            while (changes.Reader.TryRead(out _));

            KnowledgeLog.CorpusChanged(logger);
            knowledge.Reload();
        }
    }

    private FileSystemWatcher? CreateWatcher(string path, Action changed)
    {
        try
        {
            var watcher = new FileSystemWatcher(path)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Changed += (_, _) => changed();
            watcher.Created += (_, _) => changed();
            watcher.Deleted += (_, _) => changed();
            watcher.Renamed += (_, _) => changed();
            watcher.Error += (_, e) =>
            {
                var exception = e.GetException();
                KnowledgeLog.WatcherFailed(logger, exception);
            };
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException)
        {
            KnowledgeLog.WatcherFailed(logger, e);
            return null;
        }
    }
}
