using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime;
using System.Security.Cryptography;
using System.Text;
using Kuril.Knowledge.Answers;
using Kuril.Knowledge.Corpus;
using Kuril.Knowledge.Index;
using Kuril.Knowledge.Passages;
using Kuril.Knowledge.Positions;
using Kuril.Knowledge.Search;
using Kuril.Knowledge.Summaries;
using Microsoft.Extensions.Logging;

namespace Kuril.Knowledge;

/// <summary>Everything one corpus state serves from: its resources, its index and a searcher over it.</summary>
internal sealed class KnowledgeState : IDisposable
{
    private const string IndexPrefix = "index-";

    // The passages answers quote most are analysed for highlighting once, not for every question that quotes them.
    // Bounded (a map is a few kilobytes), and emptied when full rather than kept in order of use.
    private const int MaxHighlightMaps = 256;

    private readonly ConcurrentDictionary<long, HighlightMap> _highlightMaps = new();
    private int _highlightMapCount;

    private KnowledgeState(KnowledgeResources resources, PassageIndex index, SummaryCatalog summaries, IReadOnlyList<CorpusProblem> problems)
    {
        Resources = resources;
        Index = index;
        Summaries = summaries;
        Problems = problems;
        Analyzer = resources.CreateAnalyzer();
        Searcher = new PassageSearcher(index, Analyzer, resources.Words, resources.TermGroups);
        Documents = index.Documents.Where(d => !summaries.IsSummary(d.Id)).ToList();
    }

    public KnowledgeResources Resources { get; }

    public PassageIndex Index { get; }

    public TermAnalyzer Analyzer { get; }

    public PassageSearcher Searcher { get; }

    public IReadOnlyList<CorpusProblem> Problems { get; }

    /// <summary>The timeline events and notes indexed beside the documents, with their kinds and sources.</summary>
    public SummaryCatalog Summaries { get; }

    /// <summary>The corpus's documents, without the summaries' pseudo-documents.</summary>
    public IReadOnlyList<DocumentInfo> Documents { get; }

    /// <summary>Reads the corpus and opens its index, building the index when the corpus has changed.</summary>
    /// <exception cref="FormatException">A resource file (aliases, cleaning rules) is broken.</exception>
    /// <exception cref="InvalidDataException"><paramref name="requireDocuments"/> is set and no document could be read.</exception>
    public static KnowledgeState Load(string corpusPath, string dataPath, long maxDocumentBytes, bool requireDocuments, ILogger logger)
    {
        var stopwatch = Stopwatch.StartNew();
        var resources = KnowledgeResources.Load(corpusPath);
        var (notes, noteProblems) = NoteReader.Read(corpusPath);
        var timeline = LoadTimeline(corpusPath, logger);

        // With the index of this corpus state present, the documents are not read again: the index holds their
        // passages and what was skipped (a start at 10,000 documents would otherwise spend seconds cleaning them).
        Directory.CreateDirectory(dataPath);
        var fingerprint = Fingerprint(corpusPath, Math.Max(maxDocumentBytes, CorpusFiles.DefaultMaxBytes));
        var path = Path.Combine(dataPath, IndexPrefix + fingerprint[..16]);
        var index = PassageIndex.TryOpen(path, fingerprint);
        var snapshot = index is null ? CorpusReader.Read(corpusPath, maxDocumentBytes) : null;
        var corpus = snapshot is null ? index!.Corpus : new CorpusContents([.. snapshot.Documents.Select(d => d.Id)], snapshot.Problems);

        IReadOnlyList<CorpusProblem> problems = [.. corpus.Problems, .. noteProblems];
        if (resources.PositionsProblem is { } positionsProblem) problems = [.. problems, new CorpusProblem(PositionRules.FileName, positionsProblem)];
        foreach (var problem in problems)
        {
            KnowledgeLog.CorpusFileSkipped(logger, problem.FileName, problem.Reason);
        }

        if (requireDocuments && corpus.DocumentIds.Count == 0)
        {
            index?.Dispose();
            throw new InvalidDataException(corpus.Problems.Count == 0
                ? $"no document in {Path.GetFullPath(Path.Combine(corpusPath, CorpusReader.DocumentsFolder))}"
                : $"no readable document ({corpus.Problems.Count} skipped: {string.Join("; ", corpus.Problems.Take(3).Select(p => $"{p.FileName}: {p.Reason}"))})");
        }

        var summaries = SummaryCatalog.Build(timeline, notes, corpus.DocumentIds.ToHashSet(StringComparer.Ordinal), resources.CreateAnalyzer());
        var source = "existing index";
        if (index is null)
        {
            var passages = new PassageBuilder(resources).Build(snapshot!.Documents);
            index = PassageIndex.Build(path, fingerprint, [.. snapshot.Documents, .. summaries.Documents], [.. passages.Passages, .. summaries.Passages], corpus);
            source = "built";
            snapshot = null;

            // A build of a large corpus leaves hundreds of MB of garbage that the GC would otherwise hold, committed,
            // for as long as the bot serves: it is collected and returned to the system once, now.
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }

        var state = new KnowledgeState(resources, index, summaries, problems);
        KnowledgeLog.IndexReady(logger, state.Documents.Count, index.PassageCount, source, stopwatch.ElapsedMilliseconds);
        return state;
    }

    // The timeline answers questions too, but a broken one must not stop the documents from serving.
    private static Timeline.Timeline? LoadTimeline(string corpusPath, ILogger logger)
    {
        try
        {
            return Timeline.Timeline.Load(corpusPath);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            KnowledgeLog.TimelineNotIndexed(logger, e);
            return null;
        }
    }

    /// <summary>Where a passage's words that hold one of a question's terms stand in its text.</summary>
    public IReadOnlyList<TextSpan> Highlights(PassageRecord passage, IReadOnlySet<string> terms)
    {
        if (terms.Count == 0) return [];
        if (!_highlightMaps.TryGetValue(passage.Id, out var map))
        {
            map = Analyzer.Map(passage.Text);
            if (Interlocked.Increment(ref _highlightMapCount) > MaxHighlightMaps)
            {
                _highlightMaps.Clear();
                Interlocked.Exchange(ref _highlightMapCount, 1);
            }

            _highlightMaps[passage.Id] = map;
        }

        return map.Spans(terms);
    }

    public void Dispose() => Index.Dispose();

    // Every file of the corpus folder, with the index format, decides whether an index file is current. Files are
    // hashed in parallel (a restart at 10,000 documents hashes 50 MB before it can serve), then combined in order.
    private static string Fingerprint(string corpusPath, long maxBytes)
    {
        // Editors' swap and backup files (".name.swp", "name~") change nothing the index is built from; links,
        // FIFOs and oversized files are read by nothing, so they are hashed by name and problem, never opened.
        // A corpus folder deleted under a running bot has no files; the documents check that follows refuses it.
        var files = Directory.Exists(corpusPath) ? CorpusFiles.List(corpusPath, recursive: true, []) : [];
        var digests = new byte[files.Count][];
        Parallel.For(0, files.Count, i =>
        {
            var content = CorpusFiles.TryRead(files[i], maxBytes, out var bytes) is { } problem ? Encoding.UTF8.GetBytes(problem + "\n") : bytes;
            digests[i] = SHA256.HashData(content);
        });

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // The code that cleans and analyses text is part of what an index is built from: a new build re-indexes.
        hash.AppendData(Encoding.UTF8.GetBytes($"format {PassageIndex.FormatVersion} {typeof(PassageIndex).Module.ModuleVersionId}\n"));
        for (var i = 0; i < files.Count; i++)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(corpusPath, files[i]).Replace('\\', '/') + "\n"));
            hash.AppendData(digests[i]);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Deletes index folders of earlier corpus states, folders left by builds that never finished, and old index files.</summary>
    public static void RemoveOtherIndexes(string dataPath, string current, ILogger logger)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(dataPath, IndexPrefix + "*"))
        {
            if (Path.GetFullPath(entry) == Path.GetFullPath(current)) continue;
            try
            {
                if (Directory.Exists(entry)) Directory.Delete(entry, recursive: true);
                else File.Delete(entry);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                KnowledgeLog.OldIndexNotRemoved(logger, entry, e);
            }
        }
    }
}
