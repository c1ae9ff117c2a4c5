using Kuril.Knowledge.Aliases;
using Kuril.Knowledge.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kuril.Knowledge.Answers;

/// <summary>
/// The corpus as it stands: loaded on first use, swapped for a fresh state when the corpus changes, so queries
/// never wait for a re-index and never see half of one.
/// </summary>
public sealed class KnowledgeBase : IKnowledgeBase, IDisposable
{
    private const int MaxRankedExcerpts = 50;

    private readonly KnowledgeOptions _options;
    private readonly ILogger<KnowledgeBase> _logger;
    private readonly TimeProvider _time;
    private readonly Lock _reloadLock = new();
    private KnowledgeState? _state;
    private long _loadedAtTicks;
    private string? _lastReloadError;

    /// <summary>Creates a knowledge base over the configured corpus and data folders.</summary>
    /// <param name="options">The corpus and data folders and limits.</param>
    /// <param name="logger">Where loads, skipped files and failed reloads are logged.</param>
    /// <param name="time">The clock that stamps each load; the system clock if none.</param>
    public KnowledgeBase(IOptions<KnowledgeOptions> options, ILogger<KnowledgeBase> logger, TimeProvider? time = null)
    {
        _options = options.Value;
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public IReadOnlyList<DocumentInfo> Documents => State.Documents;

    /// <inheritdoc />
    public AliasTable Aliases => State.Resources.Aliases;

    /// <inheritdoc />
    public string Fingerprint => State.Index.Fingerprint;

    /// <summary>Whether a corpus state has been loaded (without loading one).</summary>
    public bool IsLoaded => Volatile.Read(ref _state) is not null;

    /// <summary>When the index now serving was swapped in, or null before the first load.</summary>
    public DateTimeOffset? LoadedAt => Interlocked.Read(ref _loadedAtTicks) is > 0 and var ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>Why the last re-index was refused or failed, or null if it succeeded (or none was tried).</summary>
    public string? LastReloadError => Volatile.Read(ref _lastReloadError);

    /// <summary>Passages in the current index.</summary>
    public int PassageCount => State.Index.PassageCount;

    private KnowledgeState State => Volatile.Read(ref _state) ?? EnsureLoaded();

    /// <inheritdoc />
    public Answer Ask(string question, int? count = null, int offset = 0) => Answer(question, null, count, offset);

    /// <inheritdoc />
    public Answer AskFollowUp(string question, string earlier, int? count = null, int offset = 0)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        return Answer(question, earlier, count, offset);
    }

    private Answer Answer(string question, string? earlier, int? count, int offset)
    {
        ArgumentNullException.ThrowIfNull(question);
        var take = Math.Clamp(count ?? _options.MaxExcerpts, 1, MaxRankedExcerpts);
        offset = Math.Clamp(offset, 0, MaxRankedExcerpts);
        return WithState(state => Ask(state, question, earlier, take, offset));
    }

    private static Answer Ask(KnowledgeState state, string question, string? earlier, int take, int offset)
    {
        var result = state.Searcher.Search(question, earlier, MaxRankedExcerpts);
        var ranked = state.Summaries.QuotationsFirst(result.Ranked);
        var excerpts = new List<Excerpt>(take);
        for (var i = offset; i < ranked.Count && excerpts.Count < take; i++)
        {
            var (passage, score) = (ranked[i].Passage, ranked[i].Score);
            var (kind, sources) = state.Summaries.Describe(passage.DocumentId, passage.Ordinal);
            excerpts.Add(new Excerpt(i + 1, passage.Text, Cite(state, passage), Math.Round(score, 4))
            {
                Kind = kind,
                Sources = sources,
                Highlights = state.Highlights(passage, result.Terms),
            });
        }

        return new Answer(question, result.Abstained, excerpts, ranked.Count) { Corrections = result.Abstained ? [] : result.Corrections };
    }

    /// <inheritdoc />
    public DocumentInfo? FindDocument(string id) => State.Index.FindDocument(id);

    /// <inheritdoc />
    public IReadOnlyList<PassageRecord> GetPassages(string documentId) => WithState(state =>
        state.Index.FindDocument(documentId) is { } document ? state.Index.GetPassages(document.Id, 0, document.PassageCount - 1) : []);

    /// <inheritdoc />
    public Citation Cite(PassageRecord passage) => Cite(State, passage);

    private static Citation Cite(KnowledgeState state, PassageRecord passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        var document = state.Index.FindDocument(passage.DocumentId);
        return new Citation(
            passage.DocumentId,
            document?.Title ?? passage.DocumentId,
            document?.Publisher,
            document?.Published,
            document?.Url,
            passage.Ordinal,
            document?.PassageCount ?? 0,
            passage.SourceLine);
    }

    /// <inheritdoc />
    public PassageContext? GetContext(string documentId, int ordinal, int radius = 1) => WithState(state =>
    {
        var document = state.Index.FindDocument(documentId);
        if (document is null || ordinal < 0 || ordinal >= document.PassageCount) return null;
        radius = Math.Clamp(radius, 0, 5);
        var passages = state.Index.GetPassages(documentId, ordinal - radius, ordinal + radius);
        return new PassageContext(document, passages, ordinal);
    });

    // A state a reload replaced is closed once its running queries finish; a query that took it just before the
    // swap but had not started yet runs again on the state that replaced it.
    private T WithState<T>(Func<KnowledgeState, T> read)
    {
        var state = State;
        try
        {
            return read(state);
        }
        catch (ObjectDisposedException) when (Volatile.Read(ref _state) is { } current && current != state)
        {
            return read(current);
        }
    }

    /// <inheritdoc />
    public bool Reload()
    {
        lock (_reloadLock)
        {
            try
            {
                Swap(KnowledgeState.Load(_options.CorpusPath, _options.DataPath, _options.MaxDocumentBytes, requireDocuments: true, _logger));
                Volatile.Write(ref _lastReloadError, null);
                return true;
            }
            catch (InvalidDataException e)
            {
                // An emptied or vanished documents folder is far likelier a deploy mid-copy than a wish to answer nothing.
                KnowledgeLog.ReloadFoundNoDocument(_logger, e.Message);
                Volatile.Write(ref _lastReloadError, e.Message);
                return false;
            }
            catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
            {
                KnowledgeLog.ReloadFailed(_logger, e);
                Volatile.Write(ref _lastReloadError, e.Message);
                return false;
            }
        }
    }

    /// <summary>Loads the corpus if nothing is loaded yet.</summary>
    /// <exception cref="FormatException">A resource file of the corpus is broken; the message names it.</exception>
    public KnowledgeBase Load()
    {
        EnsureLoaded();
        return this;
    }

    /// <inheritdoc />
    public void Dispose() => Interlocked.Exchange(ref _state, null)?.Dispose();

    private KnowledgeState EnsureLoaded()
    {
        lock (_reloadLock)
        {
            return _state ?? Swap(KnowledgeState.Load(_options.CorpusPath, _options.DataPath, _options.MaxDocumentBytes, requireDocuments: false, _logger));
        }
    }

    private KnowledgeState Swap(KnowledgeState next)
    {
        var previous = Interlocked.Exchange(ref _state, next);
        Interlocked.Exchange(ref _loadedAtTicks, _time.GetUtcNow().UtcTicks);
        if (previous is not null && previous.Index.Path != next.Index.Path)
        {
            previous.Dispose();
        }

        KnowledgeState.RemoveOtherIndexes(_options.DataPath, next.Index.Path, _logger);
        return next;
    }
}
