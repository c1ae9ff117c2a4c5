using System.Text;
using Lucene.Net.Util;

namespace Kuril.Knowledge.Index;

/// <summary>The Lucene fields of a passage and the commit data of an index folder, as written and read.</summary>
internal static class IndexFields
{
    public const string TermsField = "terms";

    // The same terms as one value per passage, read by scoring: doc values are read in place, where a stored field
    // would decompress a whole block of passages (text included) for every candidate.
    public const string TermsValueField = "termsvalue";

    // Lucene's bound on one doc value; a passage is at most a few hundred characters, so only a pathological one
    // (a single endless sentence) is cut, at a term boundary, and scored on the terms kept.
    public const int MaxTermsValueBytes = 32_766;
    public const string DocumentField = "document";
    public const string OrdinalField = "ordinal";
    public const string PassageTextField = "text";
    public const string LineField = "line";
    public const string LengthField = "length";
    public const string FormatKey = "format";
    public const string FingerprintKey = "fingerprint";
    public const string AverageKey = "average_terms";
    public const string DocumentsKey = "documents";
    public const string CorpusDocumentsKey = "corpus_documents";
    public const string ProblemsKey = "problems";

    /// <summary>A passage's joined terms as one doc value, cut at a term boundary when too long for one.</summary>
    public static BytesRef TermsValue(string joined)
    {
        var bytes = Encoding.UTF8.GetBytes(joined);
        if (bytes.Length <= MaxTermsValueBytes) return new BytesRef(bytes);
        var cut = Array.LastIndexOf(bytes, (byte)' ', MaxTermsValueBytes);
        return new BytesRef(bytes, 0, Math.Max(cut, 0));
    }
}
