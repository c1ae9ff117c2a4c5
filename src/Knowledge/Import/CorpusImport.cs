using System.Globalization;
using System.Text;
using Kuril.Knowledge.Cleaning;
using Kuril.Knowledge.Corpus;
using Kuril.Knowledge.Passages;

namespace Kuril.Knowledge.Import;

/// <summary>
/// Checks a new document against the corpus before it is written: the same cleaning and near-duplicate removal as
/// the index, run over the corpus with the draft added, tell which passages it would add and whether it repeats a
/// document already there.
/// </summary>
public static class CorpusImport
{
    private const int MaxSlugLength = 60;

    /// <summary>The passages a draft would add to the corpus at <paramref name="corpusPath"/>, and whether it is a duplicate.</summary>
    /// <param name="corpusPath">The corpus folder (its documents and cleaning rules).</param>
    /// <param name="draft">The document to add.</param>
    /// <exception cref="FormatException">A resource file of the corpus is broken; the message names it.</exception>
    public static ImportPreview Preview(string corpusPath, DocumentDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var resources = KnowledgeResources.Load(corpusPath);
        var existing = CorpusReader.Read(corpusPath).Documents.Where(d => d.Id != draft.Id).ToList();
        var document = new CorpusDocument(draft.Id, draft.Id + ".md", draft.Title, draft.Kind, draft.Publisher, draft.Published, draft.Url, VisibleText.Clean(draft.Body), 1);

        // Last, as a new file sorts anywhere: of two near-duplicate passages the first stays, so the draft's go.
        var built = new PassageBuilder(resources).Build([.. existing, document]);
        var passages = built.Passages.Where(p => p.DocumentId == draft.Id).Select(p => p.Text).ToList();
        var dropped = built.Dropped.Where(d => d.DocumentId == draft.Id).ToList();
        var duplicates = dropped.Count(d => d.Reason == DebrisReason.Duplicate);
        var preview = new ImportPreview(passages, dropped, duplicates, null);
        if (!preview.IsNearDuplicate) return preview;

        // First, the draft's passages stay and the ones they repeat go: those name the document it repeats.
        var reversed = new PassageBuilder(resources).Build([document, .. existing]);
        var repeated = reversed.Dropped.Where(d => d.Reason == DebrisReason.Duplicate && d.DocumentId != draft.Id)
            .GroupBy(d => d.DocumentId, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .FirstOrDefault();
        return preview with { DuplicateOf = repeated };
    }

    /// <summary>
    /// A file name for a title: lower-case ASCII letters and digits joined by hyphens, accents folded, at most 60
    /// characters cut at a word; <paramref name="fallback"/> when nothing of it is left (a title in another script).
    /// </summary>
    public static string Slug(string title, string fallback)
    {
        ArgumentNullException.ThrowIfNull(title);
        var slug = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(char.ToLowerInvariant(c));
            else if (c is not ('\'' or '’') && slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }

        var text = slug.ToString().Trim('-');
        if (text.Length > MaxSlugLength)
        {
            var cut = text.LastIndexOf('-', MaxSlugLength);
            text = text[..(cut > 0 ? cut : MaxSlugLength)];
        }

        return text.Length == 0 ? fallback : text;
    }
}
