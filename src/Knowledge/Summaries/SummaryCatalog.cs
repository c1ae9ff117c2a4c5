using System.Globalization;
using Kuril.Knowledge.Answers;
using Kuril.Knowledge.Corpus;
using Kuril.Knowledge.Passages;
using Kuril.Knowledge.Search;
using Kuril.Knowledge.Timeline;

namespace Kuril.Knowledge.Summaries;

/// <summary>
/// The project's own summaries as searchable passages: the timeline as one pseudo-document with a passage per event
/// (its text led by the date in words), and each reference note as a pseudo-document of one passage. Their kind and
/// sources stay here, beside the index, and are looked up when an excerpt is cited.
/// </summary>
internal sealed class SummaryCatalog
{
    /// <summary>The timeline's pseudo-document id (a corpus document of that id keeps it, and the timeline is not searched).</summary>
    public const string TimelineId = "timeline";

    /// <summary>What a note's pseudo-document id starts with; its file name without extension follows.</summary>
    public const string NoteIdPrefix = "note-";

    // How much a summary's score counts against a document passage's (see QuotationsFirst).
    private const double SummaryWeight = 0.85;

    private readonly Dictionary<string, (ExcerptKind Kind, IReadOnlyList<IReadOnlyList<TimelineSource>> Sources)> _byDocument;

    // Each summary's corpus quotations folded for comparison once, not on every question: by document id, by ordinal.
    private readonly Dictionary<string, List<(string DocumentId, string Excerpt)>[]> _quoted;

    private SummaryCatalog(List<CorpusDocument> documents, List<Passage> passages, Dictionary<string, (ExcerptKind, IReadOnlyList<IReadOnlyList<TimelineSource>>)> byDocument)
    {
        Documents = documents;
        Passages = passages;
        _byDocument = byDocument;
        _quoted = byDocument.ToDictionary(
            entry => entry.Key,
            entry => entry.Value.Item2.Select(sources => sources.Where(s => s.IsCorpusPassage).Select(s => (s.DocumentId!, Fold(s.Excerpt!))).ToList()).ToArray(),
            StringComparer.Ordinal);
    }

    /// <summary>The pseudo-documents to index beside the corpus's documents.</summary>
    public IReadOnlyList<CorpusDocument> Documents { get; }

    /// <summary>Their passages.</summary>
    public IReadOnlyList<Passage> Passages { get; }

    /// <summary>Builds the catalog; a document id already taken by a corpus document is left to the document.</summary>
    public static SummaryCatalog Build(Timeline.Timeline? timeline, IReadOnlyList<ReferenceNote> notes, IReadOnlySet<string> documentIds, TermAnalyzer analyzer)
    {
        var documents = new List<CorpusDocument>();
        var passages = new List<Passage>();
        var byDocument = new Dictionary<string, (ExcerptKind, IReadOnlyList<IReadOnlyList<TimelineSource>>)>(StringComparer.Ordinal);
        if (timeline is { All.Count: > 0 } && !documentIds.Contains(TimelineId))
        {
            var body = timeline.All.Select(e => DateInWords(e) + ": " + e.Text).ToList();
            documents.Add(Pseudo(TimelineId, Timeline.Timeline.FileName, "Timeline of the dispute", "timeline", body));
            passages.AddRange(body.Select((text, i) => new Passage(TimelineId, i, text, 0, analyzer.PassageTerms(text))));
            byDocument[TimelineId] = (ExcerptKind.Timeline, timeline.All.Select(e => e.Sources).ToList());
        }

        foreach (var note in notes)
        {
            var id = NoteIdPrefix + Path.GetFileNameWithoutExtension(note.FileName);
            if (documentIds.Contains(id)) continue;
            documents.Add(Pseudo(id, NoteReader.NotesFolder + "/" + note.FileName, note.Title, "note", [note.Text]));
            passages.Add(new Passage(id, 0, note.Text, 0, [.. analyzer.PassageTerms(note.Title + " " + note.Text), TermAnalyzer.CurrentTerm]));
            byDocument[id] = (ExcerptKind.Note, [note.Sources]);
        }

        return new SummaryCatalog(documents, passages, byDocument);
    }

    /// <summary>Whether a document id is one of the project's summaries rather than a corpus document.</summary>
    public bool IsSummary(string documentId) => _byDocument.ContainsKey(documentId);

    /// <summary>The kind and sources of a passage; a corpus document's passage is a plain quotation.</summary>
    public (ExcerptKind Kind, IReadOnlyList<TimelineSource> Sources) Describe(string documentId, int ordinal) =>
        _byDocument.TryGetValue(documentId, out var entry) && ordinal >= 0 && ordinal < entry.Sources.Count
            ? (entry.Kind, entry.Sources[ordinal])
            : (ExcerptKind.Document, []);

    /// <summary>
    /// The ranking with each summary's own quoted source put just before it: where the passage a timeline event or
    /// note cites is relevant too, the document's words come first and the project's summary follows as context.
    /// </summary>
    public List<RankedPassage> QuotationsFirst(IReadOnlyList<RankedPassage> ranked)
    {
        // The documents are the evidence and the summaries are what the project makes of it: where both match a
        // question about as well, the quotation is shown first. The sort is stable, so ties keep the search's order.
        ranked = ranked.Select(r => IsSummary(r.Passage.DocumentId) ? r with { Score = r.Score * SummaryWeight } : r)
            .OrderByDescending(r => r.Score)
            .ToList();
        var ordered = new List<RankedPassage>(ranked.Count);
        var moved = new HashSet<long>();
        var folded = new string?[ranked.Count];
        for (var c = 0; c < ranked.Count; c++)
        {
            var candidate = ranked[c];
            if (moved.Contains(candidate.Passage.Id)) continue;
            if (_quoted.TryGetValue(candidate.Passage.DocumentId, out var byOrdinal) && candidate.Passage.Ordinal >= 0 && candidate.Passage.Ordinal < byOrdinal.Length)
            {
                var quoted = byOrdinal[candidate.Passage.Ordinal];
                for (var l = c + 1; l < ranked.Count && quoted.Count > 0; l++)
                {
                    var later = ranked[l];
                    if (moved.Contains(later.Passage.Id)) continue;
                    foreach (var (documentId, excerpt) in quoted)
                    {
                        if (documentId != later.Passage.DocumentId || !Overlaps(folded[l] ??= Fold(later.Passage.Text), excerpt)) continue;
                        ordered.Add(later with { Score = candidate.Score });
                        moved.Add(later.Passage.Id);
                        break;
                    }
                }
            }

            ordered.Add(candidate);
        }

        return ordered;
    }

    // A cited excerpt and a passage are the same text when one holds the other, or the passage holds the excerpt's
    // opening (an excerpt may run on into the next passage); cleaning changes only spacing and punctuation.
    private static bool Overlaps(string passage, string excerpt) =>
        passage.Length > 0 && excerpt.Length > 0
        && (passage.Contains(excerpt[..Math.Min(excerpt.Length, 60)], StringComparison.Ordinal) || excerpt.Contains(passage, StringComparison.Ordinal));

    private static string Fold(string text)
    {
        var folded = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) folded.Append(char.ToLowerInvariant(c));
        }

        return folded.ToString();
    }

    /// <summary>An event's date as it is read: "29 January 1946", "August 1945" or "1855".</summary>
    public static string DateInWords(TimelineEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var culture = CultureInfo.InvariantCulture;
        return e.Precision switch
        {
            DatePrecision.Day => string.Create(culture, $"{e.Day} {culture.DateTimeFormat.GetMonthName(e.Month!.Value)} {e.Year}"),
            DatePrecision.Month => string.Create(culture, $"{culture.DateTimeFormat.GetMonthName(e.Month!.Value)} {e.Year}"),
            _ => e.Year.ToString(culture),
        };
    }

    private static CorpusDocument Pseudo(string id, string fileName, string title, string kind, IReadOnlyList<string> body) =>
        new(id, fileName, title, kind, "the project's own summary", null, null, string.Join('\n', body), 1);
}
