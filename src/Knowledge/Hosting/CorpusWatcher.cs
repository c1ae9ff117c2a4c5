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
        var corpusPath = Path.GetFullPath(options.Value.CorpusPath).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var replaced = 0;

        // A watch follows the folder it was put on, not its path: when the corpus folder is deleted and made again,
        // or swapped by rename, the watch stays on the old one. A second watch on the parent sees the swap.
        using var parent = CreateWatcher(Path.GetDirectoryName(corpusPath), Path.GetFileName(corpusPath), () =>
        {
            Interlocked.Exchange(ref replaced, 1);
            changes.Writer.TryWrite(true);
        });
        var watcher = CreateWatcher(corpusPath, null, () => changes.Writer.TryWrite(true));
        try
        {
            if (watcher is null && parent is null) return;
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

                if (Interlocked.Exchange(ref replaced, 0) == 1)
                {
                    watcher?.Dispose();
                    watcher = Directory.Exists(corpusPath) ? CreateWatcher(corpusPath, null, () => changes.Writer.TryWrite(true)) : null;
                    KnowledgeLog.CorpusFolderReplaced(logger, corpusPath, watcher is not null);
                }

                KnowledgeLog.CorpusChanged(logger);
                knowledge.Reload();
            }
        }
        finally
        {
            watcher?.Dispose();
        }
    }

    // Watches a folder's tree, or (given a filter) only the entries of that name in a folder.
    private FileSystemWatcher? CreateWatcher(string? path, string? filter, Action changed)
    {
        if (path is null) return null;
        try
        {
            var watcher = filter is null
                ? new FileSystemWatcher(path)
                {
                    IncludeSubdirectories = true,
                    NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                }
                : new FileSystemWatcher(path, filter) { NotifyFilter = NotifyFilters.DirectoryName };
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
        catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            KnowledgeLog.WatcherFailed(logger, e);
            return null;
        }
    }
}
