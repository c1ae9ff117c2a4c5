using System.Globalization;
using System.Text.Json;
using Kuril.Knowledge.Answers;
using Kuril.Knowledge.Passages;
using Kuril.Knowledge.Text;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;
using static Kuril.Knowledge.Index.IndexFields;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace Kuril.Knowledge.Index;

/// <summary>Writes passages into a new Lucene index folder, one Lucene document each, numbered in build order.</summary>
internal static class PassageIndexWriter
{
    /// <summary>Writes and commits the folder, its commit data naming the format, the corpus state and the documents.</summary>
    public static void Write(string folder, string fingerprint, IReadOnlyList<DocumentInfo> infos, IReadOnlyList<Passage> passages, CorpusContents corpus, double average)
    {
        using (var directory = Lucene.Net.Store.FSDirectory.Open(folder))
        {
            // Adjacent merges only, so a passage's Lucene number stays its place in the build (its id).
            using var analyzer = new WhitespaceAnalyzer(Stemmer.Version);
            var config = new IndexWriterConfig(Stemmer.Version, analyzer)
            {
                OpenMode = OpenMode.CREATE,
                MergePolicy = new LogByteSizeMergePolicy(),
                RAMBufferSizeMB = 64,
                Similarity = new BM25Similarity(),
            };
            using var writer = new IndexWriter(directory, config);
            var document = new LuceneDocument();
            var terms = new Field(TermsField, string.Empty, Lucene.Net.Documents.TextField.TYPE_NOT_STORED);
            var termsValue = new BinaryDocValuesField(TermsValueField, new BytesRef());
            var documentId = new StringField(DocumentField, string.Empty, Field.Store.YES);
            var ordinal = new Int32Field(OrdinalField, 0, Field.Store.YES);
            var text = new StoredField(PassageTextField, string.Empty);
            var line = new StoredField(LineField, 0);
            var length = new NumericDocValuesField(LengthField, 0);
            document.Add(terms);
            document.Add(termsValue);
            document.Add(documentId);
            document.Add(ordinal);
            document.Add(text);
            document.Add(line);
            document.Add(length);
            foreach (var p in passages)
            {
                var joined = string.Join(' ', p.Terms);
                terms.SetStringValue(joined);
                termsValue.SetBytesValue(TermsValue(joined));
                documentId.SetStringValue(p.DocumentId);
                ordinal.SetInt32Value(p.Ordinal);
                text.SetStringValue(p.Text);
                line.SetInt32Value(p.SourceLine);
                length.SetInt64Value(p.Terms.Count);
                writer.AddDocument(document);
            }

            writer.ForceMerge(1);
            writer.SetCommitData(new Dictionary<string, string>
            {
                [FormatKey] = PassageIndex.FormatVersion.ToString(CultureInfo.InvariantCulture),
                [FingerprintKey] = fingerprint,
                [AverageKey] = average.ToString("R", CultureInfo.InvariantCulture),
                [DocumentsKey] = JsonSerializer.Serialize(infos, IndexJsonContext.Default.ListDocumentInfo),
                [CorpusDocumentsKey] = JsonSerializer.Serialize(corpus.DocumentIds.ToList(), IndexJsonContext.Default.ListString),
                [ProblemsKey] = JsonSerializer.Serialize(corpus.Problems.ToList(), IndexJsonContext.Default.ListCorpusProblem),
            });
            writer.Commit();
        }
    }
}
