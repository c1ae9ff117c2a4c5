using System.Globalization;
using Kuril.Knowledge.Answers;
using Kuril.Knowledge.Timeline;

namespace Kuril.Bot.Replies;

/// <summary>How citations and documents read in replies.</summary>
public static class CitationText
{
    /// <summary>One line naming the excerpt's document and its place: title, publisher, date, passage n of m.</summary>
    public static string Line(Citation citation)
    {
        var parts = new List<string> { citation.Title };
        if (citation.Publisher is { } publisher) parts.Add(publisher);
        if (citation.Published is { } published) parts.Add(Date(published));
        parts.Add(string.Create(CultureInfo.InvariantCulture, $"passage {citation.PassageOrdinal + 1} of {citation.PassageCount}"));
        return string.Join(", ", parts);
    }

    /// <summary>
    /// An excerpt as a reply shows it: a quotation with its document's citation line, or one of the project's own
    /// summaries, labelled so, with the passages and references that attest it.
    /// </summary>
    public static ReplyExcerpt Excerpt(Excerpt excerpt)
    {
        ArgumentNullException.ThrowIfNull(excerpt);
        var citation = excerpt.Citation;
        var shown = excerpt.Kind switch
        {
            ExcerptKind.Timeline => new ReplyExcerpt(excerpt.Rank, excerpt.Text, string.Create(CultureInfo.InvariantCulture, $"{citation.Title}, event {citation.PassageOrdinal + 1} of {citation.PassageCount}"), "Our summary (timeline)")
            {
                IsQuotation = false,
                Sources = excerpt.Sources.Select(Source).ToList(),
            },
            ExcerptKind.Note => new ReplyExcerpt(excerpt.Rank, excerpt.Text, "Reference note: " + citation.Title, "Our summary (note)")
            {
                IsQuotation = false,
                Sources = excerpt.Sources.Select(Source).ToList(),
            },
            _ => new ReplyExcerpt(excerpt.Rank, excerpt.Text, Line(citation)),
        };
        return shown with { Highlights = excerpt.Highlights };
    }

    /// <summary>A summary's source: a corpus passage (its document id, the words quoted) or a public reference.</summary>
    public static ReplySource Source(TimelineSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.IsPublicReference
            ? new ReplySource(source.Title!, source.IsCorpusPassage ? $"{source.DocumentId}: “{source.Excerpt}”" : string.Empty, source.Url)
            : new ReplySource(source.DocumentId ?? string.Empty, "“" + source.Excerpt + "”", null);
    }

    /// <summary>The date as the bot shows dates.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The source-list entry of a document, with optional extra details appended.</summary>
    public static ReplySource Source(DocumentInfo document, params string[] extra)
    {
        var parts = new List<string> { "id: " + document.Id };
        if (document.Publisher is { } publisher) parts.Add(publisher);
        if (document.Published is { } published) parts.Add(Date(published));
        parts.AddRange(extra);
        return new ReplySource(document.Title, string.Join(" · ", parts), document.Url);
    }

    /// <summary>The source-list entry of a cited document when the full document record is not at hand.</summary>
    public static ReplySource Source(Citation citation)
    {
        var parts = new List<string> { "id: " + citation.DocumentId };
        if (citation.Publisher is { } publisher) parts.Add(publisher);
        if (citation.Published is { } published) parts.Add(Date(published));
        return new ReplySource(citation.Title, string.Join(" · ", parts), citation.Url);
    }
}
