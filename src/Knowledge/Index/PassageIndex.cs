using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Kuril.Knowledge.Answers;
using Kuril.Knowledge.Corpus;
using Kuril.Knowledge.Passages;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;
using static Kuril.Knowledge.Index.IndexFields;
using LuceneDirectory = Lucene.Net.Store.Directory;
using LuceneDocument = Lucene.Net.Documents.Document;

// Over 300 lines: one index folder's reads (frequencies, postings, matches, passages) share its reader, its resident
// copy and its lifetime guard, so they stay on the one type; writing is PassageIndexWriter's, the layout IndexFields'.
namespace Kuril.Knowledge.Index;

/// <summary>
/// The passages of one corpus state in a Lucene.Net index folder: each passage a Lucene document whose
/// <c>terms</c> field holds its index terms (see <see cref="Search.TermAnalyzer"/>), which finds candidates and
/// gives each term's document frequency and postings. A folder appears under its final name only once complete.
/// </summary>
public sealed class PassageIndex : IDisposable
{
    /// <summary>Bumped whenever the layout or the way terms are made changes, so old folders are rebuilt.</summary>
    public const int FormatVersion = 3;

    private const int MaxCachedFrequencies = 200_000;

    // An index this small is kept in memory once read (a few MB at most): a query then reads only ids from Lucene.
    private const int MaxResidentPassages = 20_000;

    private readonly LuceneDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly AtomicReader _atomic;
    private readonly IndexSearcher _searcher;
    private readonly NumericDocValues _lengths;
    private readonly Lazy<ResidentPassages?> _resident;
    private readonly ConcurrentDictionary<string, int> _frequencyCache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DocumentInfo> _documentsById;
    private readonly Lock _lifetime = new();
    private int _users;
    private bool _disposed;
    private bool _closed;

    private PassageIndex(string path, string fingerprint, IReadOnlyList<DocumentInfo> documents, CorpusContents corpus, double averageTerms, int maxResidentPassages, LuceneDirectory directory, DirectoryReader reader)
    {
        Path = path;
        Fingerprint = fingerprint;
        Documents = documents;
        Corpus = corpus;
        PassageCount = reader.NumDocs;
        AverageTerms = averageTerms;
        _directory = directory;
        _reader = reader;
        _atomic = SlowCompositeReaderWrapper.Wrap(reader);
        _searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        _lengths = _atomic.GetNumericDocValues(LengthField);
        _documentsById = documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
        _resident = new Lazy<ResidentPassages?>(
            () => PassageCount <= maxResidentPassages ? new ResidentPassages(Use(AllPassages)) : null,
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The index folder.</summary>
    public string Path { get; }

    /// <summary>The fingerprint of the corpus state the folder was built from.</summary>
    public string Fingerprint { get; }

    /// <summary>Documents in the index, ordered by id.</summary>
    public IReadOnlyList<DocumentInfo> Documents { get; }

    /// <summary>
    /// The corpus documents the index was built from and the files skipped then, so that a start with the index
    /// present need not read every document again.
    /// </summary>
    public CorpusContents Corpus { get; }

    /// <summary>Number of passages.</summary>
    public int PassageCount { get; }

    /// <summary>Mean number of index terms per passage.</summary>
    public double AverageTerms { get; }

    /// <summary>The index's Lucene searcher (BM25), for tools that query it directly.</summary>
    public IndexSearcher Searcher => _searcher;

    /// <summary>The name of the field holding passages' index terms.</summary>
    public static string TermsFieldName => TermsField;

    /// <summary>A document by id, or null.</summary>
    public DocumentInfo? FindDocument(string id) => _documentsById.GetValueOrDefault(id);

    /// <summary>
    /// Builds an index folder from passages at <paramref name="path"/>. It is written into a temporary folder beside
    /// it and renamed into place when complete, so a process killed meanwhile leaves no folder that looks finished.
    /// </summary>
    public static PassageIndex Build(string path, string fingerprint, IReadOnlyList<CorpusDocument> documents, IReadOnlyList<Passage> passages, CorpusContents corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var temporary = $"{path}.{Guid.NewGuid():N}{BuildingSuffix}";
        var counts = passages.GroupBy(p => p.DocumentId).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var infos = documents
            .Select(d => new DocumentInfo(d.Id, d.FileName, d.Title, d.Kind, d.Publisher, d.Published, d.Url, counts.GetValueOrDefault(d.Id)))
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
        var average = passages.Count == 0 ? 0 : passages.Average(p => p.Terms.Count);
        try
        {
            PassageIndexWriter.Write(temporary, fingerprint, infos, passages, corpus, average);

            // A folder left at the final name by an earlier crash or another format is replaced.
            if (System.IO.Directory.Exists(path)) System.IO.Directory.Delete(path, recursive: true);
            System.IO.Directory.Move(temporary, path);
        }
        finally
        {
            if (System.IO.Directory.Exists(temporary)) System.IO.Directory.Delete(temporary, recursive: true);
        }

        return TryOpen(path, fingerprint) ?? throw new InvalidOperationException($"The index just built at {path} cannot be opened.");
    }

    /// <summary>The name ending of a folder being built (never opened; removed by the next build).</summary>
    public const string BuildingSuffix = ".building";

    /// <summary>Opens an index folder if it exists, is complete, and was built from the corpus state <paramref name="fingerprint"/>.</summary>
    public static PassageIndex? TryOpen(string path, string fingerprint) => TryOpen(path, fingerprint, MaxResidentPassages);

    /// <summary>Opens an index folder, keeping its passages in memory only when they number at most <paramref name="maxResidentPassages"/>.</summary>
    internal static PassageIndex? TryOpen(string path, string fingerprint, int maxResidentPassages)
    {
        if (!System.IO.Directory.Exists(path)) return null;
        LuceneDirectory? directory = null;
        DirectoryReader? reader = null;
        try
        {
            directory = new Lucene.Net.Store.NIOFSDirectory(path);
            if (!DirectoryReader.IndexExists(directory)) throw new IOException("no commit");
            reader = DirectoryReader.Open(directory);
            var meta = new Dictionary<string, string>(reader.IndexCommit.UserData, StringComparer.Ordinal);
            if (meta.GetValueOrDefault(FormatKey) != FormatVersion.ToString(CultureInfo.InvariantCulture)
                || meta.GetValueOrDefault(FingerprintKey) != fingerprint
                || meta.GetValueOrDefault(DocumentsKey) is not { } documentsJson
                || meta.GetValueOrDefault(CorpusDocumentsKey) is not { } corpusJson
                || meta.GetValueOrDefault(ProblemsKey) is not { } problemsJson)
            {
                throw new IOException("another corpus state or format");
            }

            var documents = JsonSerializer.Deserialize(documentsJson, IndexJsonContext.Default.ListDocumentInfo) ?? [];
            var average = double.Parse(meta.GetValueOrDefault(AverageKey, "0"), CultureInfo.InvariantCulture);
            var corpus = new CorpusContents(
                JsonSerializer.Deserialize(corpusJson, IndexJsonContext.Default.ListString) ?? [],
                JsonSerializer.Deserialize(problemsJson, IndexJsonContext.Default.ListCorpusProblem) ?? []);
            return new PassageIndex(path, fingerprint, documents, corpus, average, maxResidentPassages, directory, reader);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or FormatException or InvalidOperationException)
        {
            // A damaged, partial or foreign folder is rebuilt (Lucene's corruption errors are IOExceptions).
            reader?.Dispose();
            directory?.Dispose();
            return null;
        }
    }

    /// <summary>How many passages each term occurs in.</summary>
    internal Dictionary<string, int> DocumentFrequencies(IReadOnlyCollection<string> terms)
    {
        // The index never changes once built, so a term's frequency is read once; terms absent from the index are
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
        Use(() =>
        {
            foreach (var term in unknown)
            {
                var frequency = _reader.DocFreq(new Term(TermsField, term));
                if (frequency > 0) frequencies[term] = frequency;
                if (_frequencyCache.Count < MaxCachedFrequencies) _frequencyCache.TryAdd(term, frequency);
            }

            return 0;
        });

        return frequencies;
    }

    /// <summary>Index terms within <paramref name="maxEdits"/> edits of <paramref name="word"/>, each with its document frequency.</summary>
    internal List<(string Term, int Frequency)> SimilarTerms(string word, int maxEdits, int prefixLength) => Use(() =>
    {
        var found = new List<(string, int)>();
        var terms = MultiFields.GetTerms(_reader, TermsField);
        if (terms is null) return found;
        var fuzzy = new FuzzyTermsEnum(terms, new AttributeSource(), new Term(TermsField, word), maxEdits, prefixLength, transpositions: true);
        while (fuzzy.MoveNext()) found.Add((fuzzy.Term.Utf8ToString(), fuzzy.DocFreq));
        return found;
    });

    /// <summary>Ids of passages matching an expression, in id order, at most <paramref name="limit"/>.</summary>
    internal List<long> Matches(Search.CoverageExpression expression, int limit) => _resident.Value is { } resident ? resident.Matches(expression, limit) : Use(() =>
    {
        var collector = new IdCollector(limit);
        _searcher.Search(ToQuery(expression), collector);
        return collector.Ids;
    });

    /// <summary>Ids and terms of passages matching an expression, at most <paramref name="limit"/>.</summary>
    internal List<CandidateTerms> MatchTerms(Search.CoverageExpression expression, int limit) => Terms(Matches(expression, limit));

    /// <summary>Calls <paramref name="visit"/> with each passage holding a term and how often it does, in id order.</summary>
    internal void Postings(string term, Action<long, int> visit) => Use(() =>
    {
        var postings = _atomic.GetTermDocsEnum(new Term(TermsField, term));
        if (postings is null) return 0;
        while (postings.NextDoc() != DocIdSetIterator.NO_MORE_DOCS) visit(postings.DocID + 1L, postings.Freq);
        return 0;
    });

    /// <summary>A passage's number of index terms.</summary>
    internal int TermCount(long id) => id >= 1 && id <= PassageCount ? (int)_lengths.Get((int)(id - 1)) : 0;

    /// <summary>Ids and terms of passages by id.</summary>
    internal List<CandidateTerms> Terms(IReadOnlyCollection<long> ids)
    {
        if (ids.Count == 0) return [];
        if (_resident.Value is { } resident)
        {
            var found = new List<CandidateTerms>(ids.Count);
            foreach (var id in ids)
            {
                if (resident.ById.TryGetValue(id, out var passage)) found.Add(new CandidateTerms(id, passage.Terms));
            }

            return found;
        }

        return Use(() =>
        {
            var values = _atomic.GetBinaryDocValues(TermsValueField);
            var bytes = new BytesRef();
            return ids.Where(InRange).Select(id => new CandidateTerms(id, TermsOf(values, id, bytes))).ToList();
        });
    }

    /// <summary>Ids and terms of the <paramref name="limit"/> passages matching an expression that Lucene's BM25 ranks best.</summary>
    internal List<CandidateTerms> RankedCandidates(Search.CoverageExpression expression, int limit) =>
        Terms(Use(() => _searcher.Search(ToQuery(expression), limit).ScoreDocs.Select(d => d.Doc + 1L).ToList()));

    /// <summary>Passages by id, in the order given; ids not in the index are left out.</summary>
    internal List<PassageRecord> GetPassages(IReadOnlyList<long> ids)
    {
        if (ids.Count == 0) return [];
        if (_resident.Value is { } resident)
        {
            var kept = new List<PassageRecord>(ids.Count);
            foreach (var id in ids)
            {
                if (resident.ById.TryGetValue(id, out var passage)) kept.Add(passage.Record);
            }

            return kept;
        }

        return Use(() => ids.Where(InRange).Select(id => Record(id, _reader.Document((int)(id - 1)))).ToList());
    }

    /// <summary>Passages of a document whose ordinals lie in a range, in order.</summary>
    public List<PassageRecord> GetPassages(string documentId, int fromOrdinal, int toOrdinal)
    {
        if (fromOrdinal > toOrdinal) return [];
        if (_resident.Value is { } resident)
        {
            return resident.ById.Values.Select(p => p.Record)
                .Where(r => r.DocumentId == documentId && r.Ordinal >= fromOrdinal && r.Ordinal <= toOrdinal)
                .OrderBy(r => r.Ordinal)
                .ToList();
        }

        return Use(() =>
        {
            var query = new BooleanQuery
            {
                { new TermQuery(new Term(DocumentField, documentId)), Occur.MUST },
                { NumericRangeQuery.NewInt32Range(OrdinalField, fromOrdinal, toOrdinal, true, true), Occur.MUST },
            };
            var collector = new IdCollector(toOrdinal - fromOrdinal + 1);
            _searcher.Search(query, collector);
            return collector.Ids.Select(id => Record(id, _reader.Document((int)(id - 1)))).OrderBy(r => r.Ordinal).ToList();
        });
    }

    /// <summary>Closes the index once no query is using it; queries still running finish first.</summary>
    public void Dispose()
    {
        lock (_lifetime)
        {
            _disposed = true;
            if (_users == 0) Close();
        }
    }

    private static Query ToQuery(Search.CoverageExpression expression)
    {
        var any = new BooleanQuery();
        foreach (var clause in expression.Clauses)
        {
            if (clause.Length == 1)
            {
                any.Add(new TermQuery(new Term(TermsField, clause[0])), Occur.SHOULD);
                continue;
            }

            var all = new BooleanQuery();
            foreach (var term in clause) all.Add(new TermQuery(new Term(TermsField, term)), Occur.MUST);
            any.Add(all, Occur.SHOULD);
        }

        return any;
    }

    private bool InRange(long id) => id >= 1 && id <= PassageCount;

    private static string TermsOf(BinaryDocValues values, long id, BytesRef bytes)
    {
        values.Get((int)(id - 1), bytes);
        return Encoding.UTF8.GetString(bytes.Bytes, bytes.Offset, bytes.Length);
    }

    private static PassageRecord Record(long id, LuceneDocument stored) => new(
        id,
        stored.Get(DocumentField, CultureInfo.InvariantCulture),
        stored.GetField(OrdinalField).GetInt32Value() ?? 0,
        stored.Get(PassageTextField, CultureInfo.InvariantCulture),
        stored.GetField(LineField).GetInt32Value() ?? 0);

    private Dictionary<long, ResidentPassage> AllPassages()
    {
        var passages = new Dictionary<long, ResidentPassage>(PassageCount);
        var values = _atomic.GetBinaryDocValues(TermsValueField);
        var bytes = new BytesRef();
        for (var doc = 0; doc < _reader.MaxDoc; doc++)
        {
            passages[doc + 1L] = new ResidentPassage(Record(doc + 1L, _reader.Document(doc)), TermsOf(values, doc + 1L, bytes));
        }

        return passages;
    }

    // A query that took this index just before a reload disposed it still runs: the reader closes after it.
    private T Use<T>(Func<T> read)
    {
        lock (_lifetime)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            _users++;
        }

        try
        {
            return read();
        }
        finally
        {
            lock (_lifetime)
            {
                _users--;
                if (_disposed && _users == 0) Close();
            }
        }
    }

    private void Close()
    {
        if (_closed) return;
        _closed = true;
        _atomic.Dispose(); // closing a reader twice does nothing, whichever order Lucene takes
        _reader.Dispose();
        _directory.Dispose();
    }
}
