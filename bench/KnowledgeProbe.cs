using Kuril.Knowledge;
using Kuril.Knowledge.Answers;
using Kuril.Knowledge.Hosting;
using Kuril.Knowledge.Search;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kuril.Bench;

/// <summary>The knowledge core as the bot runs it, and the FTS5 floor it is measured against.</summary>
public static class KnowledgeProbe
{
    public static KnowledgeBase Open(string corpusPath, string dataPath) =>
        new(Options.Create(new KnowledgeOptions { CorpusPath = corpusPath, DataPath = dataPath, WatchCorpus = false }), NullLogger<KnowledgeBase>.Instance);

    public static string IndexFile(string dataPath) => Directory.GetFiles(dataPath, "index-*.db").Single();

    /// <summary>Each question's FTS5 query as the searcher words it: its distinct index terms, quoted, OR-ed.</summary>
    public static List<string> MatchQueries(string corpusPath, IEnumerable<string> questions)
    {
        var resources = KnowledgeResources.Load(corpusPath);
        var analyzer = resources.CreateAnalyzer();
        return questions
            .Select(q => analyzer.QueryTerms(q).Select(t => t.Term).Distinct(StringComparer.Ordinal).Take(PassageSearcher.MaxQueryTerms).ToList())
            .Where(terms => terms.Count > 0)
            .Select(terms => string.Join(" OR ", terms.Select(t => "\"" + t + "\"")))
            .ToList();
    }

    /// <summary><c>ask</c> in process: every question once per round, after one round of warm-up.</summary>
    public static Latencies MeasureAsk(KnowledgeBase knowledge, IReadOnlyList<string> questions, int rounds)
    {
        foreach (var question in questions) knowledge.Ask(question);
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
    /// The floor: the raw FTS5 query on the same file, on one open connection with a prepared statement, top 3 by
    /// bm25 with their text. Nothing the bot does per question can be cheaper than this.
    /// </summary>
    public static Latencies MeasureFloor(string indexFile, IReadOnlyList<string> matches, int rounds)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = indexFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT p.id, p.text FROM passage_terms f JOIN passages p ON p.id = f.rowid
            WHERE passage_terms MATCH $match ORDER BY bm25(passage_terms) LIMIT 3
            """;
        var match = command.Parameters.Add("$match", SqliteType.Text);
        command.Prepare();
        var latencies = new Latencies();
        for (var round = -1; round < rounds; round++)
        {
            foreach (var query in matches)
            {
                var start = System.Diagnostics.Stopwatch.GetTimestamp();
                match.Value = query;
                using (var reader = command.ExecuteReader())
                {
                    while (reader.Read()) _ = reader.GetString(1);
                }

                if (round >= 0) latencies.AddSince(start);
            }
        }

        return latencies;
    }
}
