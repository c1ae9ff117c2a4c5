using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Kuril.Knowledge.Corpus;
using Kuril.Knowledge.Index;
using Kuril.Knowledge.Passages;
using Kuril.Knowledge.Search;
using Microsoft.Extensions.Logging;

namespace Kuril.Knowledge;

/// <summary>Everything one corpus state serves from: its resources, its index and a searcher over it.</summary>
internal sealed class KnowledgeState : IDisposable
{
    private const string IndexPrefix = "index-";

    private KnowledgeState(KnowledgeResources resources, PassageIndex index, IReadOnlyList<CorpusProblem> problems)
    {
        Resources = resources;
        Index = index;
        Problems = problems;
        Searcher = new PassageSearcher(index, new TermAnalyzer(resources.TermGroups, resources.StopWords));
    }

    public KnowledgeResources Resources { get; }

    public PassageIndex Index { get; }

    public PassageSearcher Searcher { get; }

    public IReadOnlyList<CorpusProblem> Problems { get; }

    /// <summary>Reads the corpus and opens its index, building the index when the corpus has changed.</summary>
    /// <exception cref="FormatException">A resource file (aliases, cleaning rules) is broken.</exception>
    /// <exception cref="InvalidDataException"><paramref name="requireDocuments"/> is set and no document could be read.</exception>
    public static KnowledgeState Load(string corpusPath, string dataPath, long maxDocumentBytes, bool requireDocuments, ILogger logger)
    {
        var stopwatch = Stopwatch.StartNew();
        var resources = KnowledgeResources.Load(corpusPath);
        var snapshot = CorpusReader.Read(corpusPath, maxDocumentBytes);
        foreach (var problem in snapshot.Problems)
        {
            KnowledgeLog.CorpusFileSkipped(logger, problem.FileName, problem.Reason);
        }

        if (requireDocuments && snapshot.Documents.Count == 0)
        {
            throw new InvalidDataException(snapshot.Problems.Count == 0
                ? $"no document in {Path.GetFullPath(Path.Combine(corpusPath, CorpusReader.DocumentsFolder))}"
                : $"no readable document ({snapshot.Problems.Count} skipped: {string.Join("; ", snapshot.Problems.Take(3).Select(p => $"{p.FileName}: {p.Reason}"))})");
        }

        Directory.CreateDirectory(dataPath);
        var fingerprint = Fingerprint(corpusPath, Math.Max(maxDocumentBytes, CorpusFiles.DefaultMaxBytes));
        var path = Path.Combine(dataPath, IndexPrefix + fingerprint[..16] + ".db");
        var index = PassageIndex.TryOpen(path, fingerprint);
        var source = "existing index";
        if (index is null)
        {
            var passages = new PassageBuilder(resources).Build(snapshot.Documents);
            index = PassageIndex.Build(path, fingerprint, snapshot.Documents, passages.Passages);
            source = "built";
        }

        KnowledgeLog.IndexReady(logger, index.Documents.Count, index.PassageCount, source, stopwatch.ElapsedMilliseconds);
        return new KnowledgeState(resources, index, snapshot.Problems);
    }

    public void Dispose() => Index.Dispose();

    // Every file of the corpus folder, with the index format, decides whether an index file is current.
    private static string Fingerprint(string corpusPath, long maxBytes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // The code that cleans and analyses text is part of what an index is built from: a new build re-indexes.
        hash.AppendData(Encoding.UTF8.GetBytes($"format {PassageIndex.FormatVersion} {typeof(PassageIndex).Module.ModuleVersionId}\n"));
        // Editors' swap and backup files (".name.swp", "name~") change nothing the index is built from; links,
        // FIFOs and oversized files are read by nothing, so they are hashed by name and problem, never opened.
        foreach (var file in CorpusFiles.List(corpusPath, recursive: true, []))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(corpusPath, file).Replace('\\', '/') + "\n"));
            hash.AppendData(CorpusFiles.TryRead(file, maxBytes, out var bytes) is { } problem ? Encoding.UTF8.GetBytes(problem + "\n") : bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Deletes index files of earlier corpus states.</summary>
    public static void RemoveOtherIndexes(string dataPath, string current, ILogger logger)
    {
        foreach (var file in Directory.EnumerateFiles(dataPath, IndexPrefix + "*.db"))
        {
            if (Path.GetFullPath(file) == Path.GetFullPath(current)) continue;
            try
            {
                File.Delete(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                KnowledgeLog.OldIndexNotRemoved(logger, file, e);
            }
        }
    }
}
