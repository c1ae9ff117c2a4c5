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

    // An index this small is kept in memory once read (a few MB at most): a query then reads only ids from FTS5,
    // where a b-tree search per passage was most of its time on the shipped corpus.
    private const int MaxResidentPassages = 20_000;

    private readonly ConcurrentBag<IndexReader> _readers = [];
    private readonly Lazy<ushort[]> _termCounts;
    private readonly Lazy<Dictionary<long, ResidentPassage>?> _resident;
    private bool _disposed;
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
        _resident = new Lazy<Dictionary<long, ResidentPassage>?>(
            () => passageCount <= MaxResidentPassages ? WithReader(reader => reader.AllPassages()) : null,
            LazyThreadSafetyMode.ExecutionAndPublication);
        _termCounts = new Lazy<ushort[]>(() => WithReader(reader => reader.TermCounts(passageCount)), LazyThreadSafetyMode.ExecutionAndPublication);
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
        List<string>? unknown = null;
        foreach (var term in terms)
        {
            if (_frequencyCache.TryGetValue(term, out var cached))
            {
                if (cached > 0) frequencies[term] = cached;
            }
            else
            {
                (unknown ??= []).Add(term);
            }
        }

        if (unknown is null) return frequencies;
        var reader = Rent();
        try
        {
            reader.Frequencies(JsonSerializer.Serialize(unknown), frequencies);
        }
        finally
        {
            Return(reader);
        }

        if (_frequencyCache.Count < MaxCachedFrequencies)
        {
            foreach (var term in unknown) _frequencyCache.TryAdd(term, frequencies.GetValueOrDefault(term));
        }

        return frequencies;
    }

    /// <summary>Ids of passages matching an FTS5 expression, in id order, at most <paramref name="limit"/>.</summary>
    internal List<long> Matches(string match, int limit)
    {
        var reader = Rent();
        try
        {
            return reader.Matches(match, limit);
        }
        finally
        {
            Return(reader);
        }
    }

    /// <summary>Ids and terms of passages matching an FTS5 expression, at most <paramref name="limit"/>.</summary>
    internal List<CandidateTerms> MatchTerms(string match, int limit)
    {
        if (_resident.Value is { } resident) return Resident(resident, Matches(match, limit));
        var reader = Rent();
        try
        {
            return reader.MatchTerms(match, limit);
        }
        finally
        {
            Return(reader);
        }
    }

    /// <summary>Calls <paramref name="visit"/> with each passage holding a term and how often it does, in id order.</summary>
    internal void Postings(string term, Action<long, int> visit) => WithReader(reader =>
    {
        reader.Postings(term, visit);
        return 0;
    });

    /// <summary>A passage's number of index terms; read for all passages on first use (two bytes each).</summary>
    internal int TermCount(long id)
    {
        var counts = _termCounts.Value;
        return id >= 0 && id < counts.Length ? counts[id] : 0;
    }

    /// <summary>Ids and terms of passages by id.</summary>
    internal List<CandidateTerms> Terms(IReadOnlyCollection<long> ids)
    {
        if (ids.Count == 0) return [];
        if (_resident.Value is { } resident) return Resident(resident, ids);
        var reader = Rent();
        try
        {
            return reader.Terms(JsonSerializer.Serialize(ids));
        }
        finally
        {
            Return(reader);
        }
    }

    /// <summary>Ids and terms of the <paramref name="limit"/> passages matching an FTS5 expression that FTS5's bm25 ranks best.</summary>
    internal List<CandidateTerms> RankedCandidates(string match, int limit)
    {
        var reader = Rent();
        try
        {
            return reader.RankedCandidates(match, limit);
        }
        finally
        {
            Return(reader);
        }
    }

    /// <summary>Passages by id, in the order given; ids not in the index are left out.</summary>
    internal List<PassageRecord> GetPassages(IReadOnlyList<long> ids)
    {
        if (ids.Count == 0) return [];
        if (_resident.Value is { } resident)
        {
            var kept = new List<PassageRecord>(ids.Count);
            foreach (var id in ids)
            {
                if (resident.TryGetValue(id, out var passage)) kept.Add(passage.Record);
            }

            return kept;
        }

        List<PassageRecord> found;
        var reader = Rent();
        try
        {
            found = reader.Passages(JsonSerializer.Serialize(ids));
        }
        finally
        {
            Return(reader);
        }

        var byId = found.ToDictionary(p => p.Id);
        var passages = new List<PassageRecord>(ids.Count);
        foreach (var id in ids)
        {
            if (byId.TryGetValue(id, out var passage)) passages.Add(passage);
        }

        return passages;
    }

    /// <summary>Passages of a document whose ordinals lie in a range, in order.</summary>
    public List<PassageRecord> GetPassages(string documentId, int fromOrdinal, int toOrdinal)
    {
        var indexReader = Rent();
        try
        {
            using var command = indexReader.CreateCommand();
            command.CommandText = """
                SELECT id, document_id, ordinal, text, source_line FROM passages
                WHERE document_id = $doc AND ordinal BETWEEN $from AND $to ORDER BY ordinal
                """;
            command.Parameters.AddWithValue("$doc", documentId);
            command.Parameters.AddWithValue("$from", fromOrdinal);
            command.Parameters.AddWithValue("$to", toOrdinal);
            using var reader = command.ExecuteReader();
            var passages = new List<PassageRecord>();
            while (reader.Read()) passages.Add(IndexReader.ReadPassage(reader));
            return passages;
        }
        finally
        {
            Return(indexReader);
        }
    }

    /// <summary>Closes the connections to the file; queries still running close theirs when they finish.</summary>
    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        while (_readers.TryTake(out var reader)) reader.Dispose();
    }

    // A reader per query running at once, kept for the next query: as many connections as the peak concurrency.
    private static List<CandidateTerms> Resident(Dictionary<long, ResidentPassage> resident, IEnumerable<long> ids)
    {
        var found = new List<CandidateTerms>();
        foreach (var id in ids)
        {
            if (resident.TryGetValue(id, out var passage)) found.Add(new CandidateTerms(id, passage.Terms));
        }

        return found;
    }

    private T WithReader<T>(Func<IndexReader, T> read)
    {
        var reader = Rent();
        try
        {
            return read(reader);
        }
        finally
        {
            Return(reader);
        }
    }

    // A query that took this index just before a reload disposed it still runs, on a reader of its own.
    private IndexReader Rent() => _readers.TryTake(out var reader) ? reader : new IndexReader(Path);

    private void Return(IndexReader reader)
    {
        _readers.Add(reader);
        if (!Volatile.Read(ref _disposed)) return;
        while (_readers.TryTake(out var late)) late.Dispose();
    }

    [SuppressMessage("Security", "CA2100", Justification = "Called with constant schema statements only.")]
    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
