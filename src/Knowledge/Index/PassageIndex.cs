using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using Kuril.Knowledge.Answers;
using Kuril.Knowledge.Corpus;
using Kuril.Knowledge.Passages;
using Microsoft.Data.Sqlite;

namespace Kuril.Knowledge.Index;

/// <summary>
/// The passages of one corpus state in an SQLite file, with an FTS5 table over their index terms that finds
/// candidates and an <c>fts5vocab</c> table that gives each term's document frequency.
/// </summary>
public sealed class PassageIndex : IDisposable
{
    /// <summary>Bumped whenever the schema or the way terms are made changes, so old files are rebuilt.</summary>
    public const int FormatVersion = 1;

    private const int MaxCachedFrequencies = 200_000;

    private readonly string _connectionString;
    private readonly ConcurrentDictionary<string, int> _frequencyCache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DocumentInfo> _documentsById;

    private PassageIndex(string path, string fingerprint, IReadOnlyList<DocumentInfo> documents, int passageCount, double averageTerms)
    {
        Path = path;
        Fingerprint = fingerprint;
        Documents = documents;
        PassageCount = passageCount;
        AverageTerms = averageTerms;
        _documentsById = documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = true }.ToString();
    }

    /// <summary>The index file.</summary>
    public string Path { get; }

    /// <summary>The fingerprint of the corpus state the file was built from.</summary>
    public string Fingerprint { get; }

    /// <summary>Documents in the index, ordered by id.</summary>
    public IReadOnlyList<DocumentInfo> Documents { get; }

    /// <summary>Number of passages.</summary>
    public int PassageCount { get; }

    /// <summary>Mean number of index terms per passage.</summary>
    public double AverageTerms { get; }

    /// <summary>A document by id, or null.</summary>
    public DocumentInfo? FindDocument(string id) => _documentsById.GetValueOrDefault(id);

    /// <summary>Builds an index file from passages, replacing any file at <paramref name="path"/>.</summary>
    public static PassageIndex Build(string path, string fingerprint, IReadOnlyList<CorpusDocument> documents, IReadOnlyList<Passage> passages)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.building";
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temporary, Pooling = false }.ToString()))
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;");
            Execute(connection, """
                CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE documents (
                    id TEXT PRIMARY KEY, file_name TEXT NOT NULL, title TEXT NOT NULL, kind TEXT NOT NULL,
                    publisher TEXT, published TEXT, url TEXT, passage_count INTEGER NOT NULL);
                CREATE TABLE passages (
                    id INTEGER PRIMARY KEY, document_id TEXT NOT NULL, ordinal INTEGER NOT NULL, text TEXT NOT NULL,
                    source_line INTEGER NOT NULL, terms TEXT NOT NULL);
                CREATE UNIQUE INDEX passages_by_position ON passages (document_id, ordinal);
                CREATE VIRTUAL TABLE passage_terms USING fts5 (terms, content = 'passages', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 0');
                CREATE VIRTUAL TABLE passage_vocab USING fts5vocab (passage_terms, 'row');
                """);
            using var transaction = connection.BeginTransaction();
            var counts = passages.GroupBy(p => p.DocumentId).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            using (var insert = connection.CreateCommand())
            {
                insert.CommandText = "INSERT INTO documents VALUES ($id, $file, $title, $kind, $publisher, $published, $url, $count)";
                foreach (var d in documents)
                {
                    insert.Parameters.Clear();
                    insert.Parameters.AddWithValue("$id", d.Id);
                    insert.Parameters.AddWithValue("$file", d.FileName);
                    insert.Parameters.AddWithValue("$title", d.Title);
                    insert.Parameters.AddWithValue("$kind", d.Kind);
                    insert.Parameters.AddWithValue("$publisher", (object?)d.Publisher ?? DBNull.Value);
                    insert.Parameters.AddWithValue("$published", (object?)d.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? DBNull.Value);
                    insert.Parameters.AddWithValue("$url", (object?)d.Url?.ToString() ?? DBNull.Value);
                    insert.Parameters.AddWithValue("$count", counts.GetValueOrDefault(d.Id));
                    insert.ExecuteNonQuery();
                }
            }

            using (var insert = connection.CreateCommand())
            {
                insert.CommandText = "INSERT INTO passages (document_id, ordinal, text, source_line, terms) VALUES ($doc, $ordinal, $text, $line, $terms)";
                var doc = insert.Parameters.Add("$doc", SqliteType.Text);
                var ordinal = insert.Parameters.Add("$ordinal", SqliteType.Integer);
                var text = insert.Parameters.Add("$text", SqliteType.Text);
                var line = insert.Parameters.Add("$line", SqliteType.Integer);
                var terms = insert.Parameters.Add("$terms", SqliteType.Text);
                foreach (var p in passages)
                {
                    doc.Value = p.DocumentId;
                    ordinal.Value = p.Ordinal;
                    text.Value = p.Text;
                    line.Value = p.SourceLine;
                    terms.Value = string.Join(' ', p.Terms);
                    insert.ExecuteNonQuery();
                }
            }

            Execute(connection, "INSERT INTO passage_terms (rowid, terms) SELECT id, terms FROM passages;");
            Execute(connection, "INSERT INTO passage_terms (passage_terms) VALUES ('optimize');");
            var average = passages.Count == 0 ? 0 : passages.Average(p => p.Terms.Count);
            using (var meta = connection.CreateCommand())
            {
                meta.CommandText = "INSERT INTO meta VALUES ('format', $format), ('fingerprint', $fingerprint), ('average_terms', $average)";
                meta.Parameters.AddWithValue("$format", FormatVersion.ToString(CultureInfo.InvariantCulture));
                meta.Parameters.AddWithValue("$fingerprint", fingerprint);
                meta.Parameters.AddWithValue("$average", average.ToString("R", CultureInfo.InvariantCulture));
                meta.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        File.Move(temporary, path, overwrite: true);
        return TryOpen(path, fingerprint) ?? throw new InvalidOperationException($"The index just built at {path} cannot be opened.");
    }

    /// <summary>Opens an index file if it exists and was built from the corpus state <paramref name="fingerprint"/>.</summary>
    public static PassageIndex? TryOpen(string path, string fingerprint)
    {
        if (!File.Exists(path)) return null;
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            var meta = new Dictionary<string, string>(StringComparer.Ordinal);
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT key, value FROM meta";
                using var reader = command.ExecuteReader();
                while (reader.Read()) meta[reader.GetString(0)] = reader.GetString(1);
            }

            if (meta.GetValueOrDefault("format") != FormatVersion.ToString(CultureInfo.InvariantCulture) || meta.GetValueOrDefault("fingerprint") != fingerprint)
            {
                return null;
            }

            var documents = new List<DocumentInfo>();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT id, file_name, title, kind, publisher, published, url, passage_count FROM documents ORDER BY id";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    documents.Add(new DocumentInfo(
                        reader.GetString(0),
                        reader.GetString(1),
                        reader.GetString(2),
                        reader.GetString(3),
                        reader.IsDBNull(4) ? null : reader.GetString(4),
                        reader.IsDBNull(5) ? null : DateOnly.ParseExact(reader.GetString(5), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                        reader.IsDBNull(6) ? null : new Uri(reader.GetString(6)),
                        reader.GetInt32(7)));
                }
            }

            var passageCount = documents.Sum(d => d.PassageCount);
            var average = double.Parse(meta.GetValueOrDefault("average_terms", "0"), CultureInfo.InvariantCulture);
            return new PassageIndex(path, fingerprint, documents, passageCount, average);
        }
        catch (SqliteException)
        {
            return null; // a damaged or foreign file is rebuilt
        }
    }

    /// <summary>How many passages each term occurs in.</summary>
    internal Dictionary<string, int> DocumentFrequencies(IReadOnlyCollection<string> terms)
    {
        // The file never changes once built, so a term's frequency is read once; terms absent from the index are
        // remembered as 0 too. Questions can bring endless unknown words, so the memory is bounded.
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var term in terms)
        {
            if (_frequencyCache.TryGetValue(term, out var cached))
            {
                if (cached > 0) frequencies[term] = cached;
            }
            else
            {
                unknown.Add(term);
            }
        }

        if (unknown.Count == 0) return frequencies;
        using (var connection = Open())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT term, doc FROM passage_vocab WHERE term IN (SELECT value FROM json_each($terms))";
            command.Parameters.AddWithValue("$terms", JsonSerializer.Serialize(unknown));
            using var reader = command.ExecuteReader();
            while (reader.Read()) frequencies[reader.GetString(0)] = reader.GetInt32(1);
        }

        if (_frequencyCache.Count < MaxCachedFrequencies)
        {
            foreach (var term in unknown) _frequencyCache.TryAdd(term, frequencies.GetValueOrDefault(term));
        }

        return frequencies;
    }

    /// <summary>Passages holding any of the terms, best first by FTS5's own rank, at most <paramref name="limit"/>.</summary>
    internal List<ScoredCandidate> Candidates(IReadOnlyCollection<string> terms, int limit)
    {
        var candidates = new List<ScoredCandidate>();
        if (terms.Count == 0) return candidates;

        // Terms are letters and digits only (see Tokenizer), so quoting each one makes any user text a valid query.
        var match = string.Join(" OR ", terms.Select(t => "\"" + t + "\""));
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT p.id, p.document_id, p.ordinal, p.text, p.source_line, p.terms
            FROM passage_terms f JOIN passages p ON p.id = f.rowid
            WHERE passage_terms MATCH $match
            ORDER BY f.rank
            LIMIT $limit
            """;
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            candidates.Add(new ScoredCandidate(ReadPassage(reader), reader.GetString(5).Split(' ')));
        }

        return candidates;
    }

    /// <summary>Passages of a document whose ordinals lie in a range, in order.</summary>
    public List<PassageRecord> GetPassages(string documentId, int fromOrdinal, int toOrdinal)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, document_id, ordinal, text, source_line FROM passages
            WHERE document_id = $doc AND ordinal BETWEEN $from AND $to ORDER BY ordinal
            """;
        command.Parameters.AddWithValue("$doc", documentId);
        command.Parameters.AddWithValue("$from", fromOrdinal);
        command.Parameters.AddWithValue("$to", toOrdinal);
        using var reader = command.ExecuteReader();
        var passages = new List<PassageRecord>();
        while (reader.Read()) passages.Add(ReadPassage(reader));
        return passages;
    }

    /// <summary>Closes pooled connections to the file.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static PassageRecord ReadPassage(SqliteDataReader reader) =>
        new(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetInt32(4));

    [SuppressMessage("Security", "CA2100", Justification = "Called with constant schema statements only.")]
    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
