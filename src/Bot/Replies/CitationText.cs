using System.Globalization;
using Kuril.Knowledge.Answers;

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
