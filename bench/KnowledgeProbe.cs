using System.Globalization;
using Kuril.Knowledge;
using Kuril.Knowledge.Answers;
using Kuril.Knowledge.Hosting;
using Kuril.Knowledge.Index;
using Kuril.Knowledge.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using FSDirectory = Lucene.Net.Store.FSDirectory;

namespace Kuril.Bench;

/// <summary>The knowledge core as the bot runs it, and the plain Lucene floor it is measured against.</summary>
public static class KnowledgeProbe
{
    public static KnowledgeBase Open(string corpusPath, string dataPath) =>
        new(Options.Create(new KnowledgeOptions { CorpusPath = corpusPath, DataPath = dataPath, WatchCorpus = false }), NullLogger<KnowledgeBase>.Instance);

    /// <summary>The index folder of a data folder (there is one after a load).</summary>
    public static string IndexFolder(string dataPath) => Directory.GetDirectories(dataPath, "index-*").Single(d => !d.EndsWith(".building", StringComparison.Ordinal));

    /// <summary>The index folder's size on disk.</summary>
    public static long IndexBytes(string dataPath) => Directory.GetFiles(IndexFolder(dataPath)).Sum(f => new FileInfo(f).Length);

    /// <summary>Each question's index terms as the searcher analyses them, distinct.</summary>
    public static List<string[]> QueryTerms(string corpusPath, IEnumerable<string> questions)
    {
        var resources = KnowledgeResources.Load(corpusPath);
        var analyzer = resources.CreateAnalyzer();
        return questions
            .Select(q => analyzer.QueryTerms(q).Select(t => t.Term).Distinct(StringComparer.Ordinal).Take(PassageSearcher.MaxQueryTerms).ToArray())
            .Where(terms => terms.Length > 0)
            .ToList();
    }

    /// <summary><c>ask</c> in process: every question once per round, after one round of warm-up.</summary>
    public static Latencies MeasureAsk(KnowledgeBase knowledge, IReadOnlyList<string> questions, int rounds)
    {
        WarmUp(() =>
        {
            foreach (var question in questions) knowledge.Ask(question);
        });
        var latencies = new Latencies();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var question in questions)
            {
                var start = System.Diagnostics.Stopwatch.GetTimestamp();
                knowledge.Ask(question);
                latencies.AddSince(start);
            }
        }

        return latencies;
    }

    /// <summary>
    /// The floor: a plain Lucene.Net BM25 query on the same index folder, on one open reader: the question's terms
    /// OR-ed, top 3 with their text. Nothing the bot does per question can be cheaper than this.
    /// </summary>
    public static Latencies MeasureFloor(string indexFolder, IReadOnlyList<string[]> queries, int rounds)
    {
        using var directory = FSDirectory.Open(indexFolder);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        void Run(string[] terms)
        {
            var query = new BooleanQuery();
            foreach (var term in terms) query.Add(new TermQuery(new Term(PassageIndex.TermsFieldName, term)), Occur.SHOULD);
            foreach (var hit in searcher.Search(query, 3).ScoreDocs) _ = searcher.Doc(hit.Doc).Get("text", CultureInfo.InvariantCulture);
        }

        WarmUp(() =>
        {
            foreach (var terms in queries) Run(terms);
        });
        var latencies = new Latencies();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var terms in queries)
            {
                var start = System.Diagnostics.Stopwatch.GetTimestamp();
                Run(terms);
                latencies.AddSince(start);
            }
        }

        return latencies;
    }

    // Rounds until the JIT's tiering has settled (at least one round and two seconds), so that the rounds measured
    // time the steady state a long-running bot serves in, not methods still being recompiled in the background.
    private static void WarmUp(Action round)
    {
        var warming = System.Diagnostics.Stopwatch.StartNew();
        do
        {
            round();
        }
        while (warming.Elapsed < TimeSpan.FromSeconds(10));
    }
}
