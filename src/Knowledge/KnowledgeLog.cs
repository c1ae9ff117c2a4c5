using Microsoft.Extensions.Logging;

namespace Kuril.Knowledge;

/// <summary>Log messages of the knowledge core.</summary>
internal static partial class KnowledgeLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Corpus file {FileName} skipped: {Reason}")]
    public static partial void CorpusFileSkipped(ILogger logger, string fileName, string reason);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Index ready: {Documents} documents, {Passages} passages ({Source}) in {ElapsedMs} ms")]
    public static partial void IndexReady(ILogger logger, int documents, int passages, string source, long elapsedMs);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Corpus changed; re-indexing")]
    public static partial void CorpusChanged(ILogger logger);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "Re-indexing the corpus failed; the previous index keeps serving")]
    public static partial void ReloadFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Could not remove the old index file {Path}")]
    public static partial void OldIndexNotRemoved(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Watching {CorpusPath} for changes")]
    public static partial void WatchingCorpus(ILogger logger, string corpusPath);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning, Message = "Watching the corpus folder failed; changes are picked up on the next restart")]
    public static partial void WatcherFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning, Message = "The timeline cannot be read, so its events are not searched; the documents keep serving")]
    public static partial void TimelineNotIndexed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning, Message = "Re-indexing the corpus would leave no document ({Reason}); the previous index keeps serving")]
    public static partial void ReloadFoundNoDocument(ILogger logger, string reason);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning, Message = "The corpus folder {CorpusPath} was removed, re-created or swapped; watching it again: {Watching}")]
    public static partial void CorpusFolderReplaced(ILogger logger, string corpusPath, bool watching);
}
