using Kuril.Knowledge.Answers;
using Microsoft.Data.Sqlite;

namespace Kuril.Knowledge.Index;

/// <summary>
/// One open read-only connection to an index file with its statements prepared once, used by one query at a time:
/// a question then costs no connection open and no SQL parse, which on a small corpus were most of its time.
/// </summary>
internal sealed class IndexReader : IDisposable
{
    private const string PassageColumns = "p.id, p.document_id, p.ordinal, p.text, p.source_line";

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _matches;
    private readonly SqliteCommand _terms;
    private readonly SqliteCommand _matchTerms;
    private readonly SqliteCommand _rankedCandidates;
    private readonly SqliteCommand _passages;
    private readonly SqliteCommand _frequencies;
    private readonly SqliteCommand _postings;

    public IndexReader(string path)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        _connection.Open();

        // Without ORDER BY or a join, FTS5 only merges doclists: counting matches this way is cheap, while ranking
        // or reading a row costs a b-tree search per match.
        _matches = Prepare("SELECT rowid FROM passage_terms WHERE passage_terms MATCH $match LIMIT $limit");
        _matchTerms = Prepare("""
            SELECT p.id, p.terms FROM passage_terms f JOIN passages p ON p.id = f.rowid
            WHERE passage_terms MATCH $match LIMIT $limit
            """);
        _terms = Prepare("SELECT p.id, p.terms FROM passages p WHERE p.id IN (SELECT value FROM json_each($ids))");
        _rankedCandidates = Prepare("""
            SELECT p.id, p.terms FROM passage_terms f JOIN passages p ON p.id = f.rowid
            WHERE passage_terms MATCH $match ORDER BY f.rank LIMIT $limit
            """);
        _passages = Prepare($"SELECT {PassageColumns} FROM passages p WHERE p.id IN (SELECT value FROM json_each($ids))");
        using (var vocabulary = _connection.CreateCommand())
        {
            // Every occurrence of a term, by passage id, read straight from its doclist; temp, so the file stays read-only.
            vocabulary.CommandText = "CREATE VIRTUAL TABLE temp.passage_instances USING fts5vocab(main, passage_terms, instance)";
            vocabulary.ExecuteNonQuery();
        }

        _postings = Prepare("SELECT doc FROM temp.passage_instances WHERE term = $match");
        _frequencies = Prepare("SELECT term, doc FROM passage_vocab WHERE term IN (SELECT value FROM json_each($terms))");
    }

    /// <summary>Ids of passages matching an FTS5 expression, in id order, at most <paramref name="limit"/>.</summary>
    public List<long> Matches(string match, int limit)
    {
        _matches.Parameters["$match"].Value = match;
        _matches.Parameters["$limit"].Value = limit;
        var ids = new List<long>();
        using var reader = _matches.ExecuteReader();
        while (reader.Read()) ids.Add(reader.GetInt64(0));
        return ids;
    }

    /// <summary>Id and space-separated terms of passages matching an FTS5 expression, at most <paramref name="limit"/>.</summary>
    public List<CandidateTerms> MatchTerms(string match, int limit)
    {
        _matchTerms.Parameters["$match"].Value = match;
        _matchTerms.Parameters["$limit"].Value = limit;
        var found = new List<CandidateTerms>();
        using var reader = _matchTerms.ExecuteReader();
        while (reader.Read()) found.Add(new CandidateTerms(reader.GetInt64(0), reader.GetString(1)));
        return found;
    }

    /// <summary>Id and space-separated terms of passages by id (a JSON array), in no particular order.</summary>
    public List<CandidateTerms> Terms(string idsJson)
    {
        _terms.Parameters["$ids"].Value = idsJson;
        var found = new List<CandidateTerms>();
        using var reader = _terms.ExecuteReader();
        while (reader.Read()) found.Add(new CandidateTerms(reader.GetInt64(0), reader.GetString(1)));
        return found;
    }

    /// <summary>Id and terms of the <paramref name="limit"/> passages matching an FTS5 expression that FTS5 ranks best.</summary>
    public List<CandidateTerms> RankedCandidates(string match, int limit)
    {
        _rankedCandidates.Parameters["$match"].Value = match;
        _rankedCandidates.Parameters["$limit"].Value = limit;
        var found = new List<CandidateTerms>();
        using var reader = _rankedCandidates.ExecuteReader();
        while (reader.Read()) found.Add(new CandidateTerms(reader.GetInt64(0), reader.GetString(1)));
        return found;
    }

    /// <summary>Passages by id, in no particular order.</summary>
    public List<PassageRecord> Passages(string idsJson)
    {
        _passages.Parameters["$ids"].Value = idsJson;
        var passages = new List<PassageRecord>();
        using var reader = _passages.ExecuteReader();
        while (reader.Read()) passages.Add(ReadPassage(reader));
        return passages;
    }

    /// <summary>Document frequencies of the terms (a JSON array) the index holds.</summary>
    public void Frequencies(string termsJson, Dictionary<string, int> into)
    {
        _frequencies.Parameters["$terms"].Value = termsJson;
        using var reader = _frequencies.ExecuteReader();
        while (reader.Read()) into[reader.GetString(0)] = reader.GetInt32(1);
    }

    /// <summary>Calls <paramref name="visit"/> with each passage holding a term and how often it does, in id order.</summary>
    public void Postings(string term, Action<long, int> visit)
    {
        _postings.Parameters["$match"].Value = term;
        using var reader = _postings.ExecuteReader();
        var id = -1L;
        var count = 0;
        while (reader.Read())
        {
            // One row per occurrence, a passage's occurrences side by side.
            var next = reader.GetInt64(0);
            if (next != id && count > 0) visit(id, count);
            count = next == id ? count + 1 : 1;
            id = next;
        }

        if (count > 0) visit(id, count);
    }

    /// <summary>Every passage with its terms, by id.</summary>
    public Dictionary<long, ResidentPassage> AllPassages()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT {PassageColumns}, p.terms FROM passages p";
        var passages = new Dictionary<long, ResidentPassage>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var record = ReadPassage(reader);
            passages[record.Id] = new ResidentPassage(record, reader.GetString(5));
        }

        return passages;
    }

    /// <summary>Each passage's number of terms, by id, from FTS5's own record of them.</summary>
    public ushort[] TermCounts(int passageCount)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT id, sz FROM passage_terms_docsize";
        var counts = new ushort[passageCount + 1];
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            if (id < 0) continue;
            if (id >= counts.Length) Array.Resize(ref counts, (int)Math.Max(id + 1, counts.Length * 2L));
            counts[id] = (ushort)Math.Min(ReadVarint(reader.GetFieldValue<byte[]>(1)), ushort.MaxValue);
        }

        return counts;
    }

    public SqliteCommand CreateCommand() => _connection.CreateCommand();

    public static PassageRecord ReadPassage(SqliteDataReader reader) =>
        new(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetInt32(4));

    public void Dispose()
    {
        _matches.Dispose();
        _terms.Dispose();
        _matchTerms.Dispose();
        _rankedCandidates.Dispose();
        _passages.Dispose();
        _frequencies.Dispose();
        _postings.Dispose();
        _connection.Dispose();
    }

    // SQLite's variable-length integer, as FTS5 stores sizes: big-endian groups of 7 bits, high bit set on all but the last.
    private static long ReadVarint(byte[] bytes)
    {
        var value = 0L;
        for (var i = 0; i < bytes.Length && i < 9; i++)
        {
            if (i == 8) return (value << 8) | bytes[i];
            value = (value << 7) | (bytes[i] & 0x7Fu);
            if ((bytes[i] & 0x80) == 0) break;
        }

        return value;
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Called with constant statements only.")]
    private SqliteCommand Prepare(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in new[] { "$match", "$ids", "$terms" })
        {
            if (sql.Contains(name, StringComparison.Ordinal)) command.Parameters.Add(name, SqliteType.Text);
        }

        if (sql.Contains("$limit", StringComparison.Ordinal)) command.Parameters.Add("$limit", SqliteType.Integer);

        command.Prepare();
        return command;
    }
}
