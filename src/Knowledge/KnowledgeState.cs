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
        Analyzer = new TermAnalyzer(resources.TermGroups, resources.StopWords);
        Searcher = new PassageSearcher(index, Analyzer, resources.Words, resources.TermGroups);
    }

    public KnowledgeResources Resources { get; }

    public PassageIndex Index { get; }

    public TermAnalyzer Analyzer { get; }

    public PassageSearcher Searcher { get; }

    public IReadOnlyList<CorpusProblem> Problems { get; }

    /// <summary>Reads the corpus and opens its index, building the index when the corpus has changed.</summary>
    /// <exception cref="FormatException">A resource file (aliases, cleaning rules) is broken.</exception>
    public static KnowledgeState Load(string corpusPath, string dataPath, ILogger logger)
    {
        var stopwatch = Stopwatch.StartNew();
        var resources = KnowledgeResources.Load(corpusPath);
        var snapshot = CorpusReader.Read(corpusPath);
        foreach (var problem in snapshot.Problems)
        {
            KnowledgeLog.CorpusFileSkipped(logger, problem.FileName, problem.Reason);
        }

        Directory.CreateDirectory(dataPath);
        var fingerprint = Fingerprint(corpusPath);
        var path = Path.Combine(dataPath, IndexPrefix + fingerprint[..16]);
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
    private static string Fingerprint(string corpusPath)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // The code that cleans and analyses text is part of what an index is built from: a new build re-indexes.
        hash.AppendData(Encoding.UTF8.GetBytes($"format {PassageIndex.FormatVersion} {typeof(PassageIndex).Module.ModuleVersionId}\n"));
        // Editors' swap and backup files (".name.swp", "name~") change nothing the index is built from.
        var files = Directory.EnumerateFiles(corpusPath, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.') && !f.EndsWith('~'))
            .Select(f => Path.GetRelativePath(corpusPath, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file + "\n"));
            try
            {
                hash.AppendData(File.ReadAllBytes(Path.Combine(corpusPath, file)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                hash.AppendData(Encoding.UTF8.GetBytes("unreadable\n")); // reported by the corpus reader
            }
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
