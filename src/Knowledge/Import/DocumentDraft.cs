using System.Globalization;
using System.Text;

namespace Kuril.Knowledge.Import;

/// <summary>A document about to be added to the corpus: its metadata and its text, before cleaning.</summary>
/// <param name="Id">Its id, the file name it will have without <c>.md</c> (see <see cref="CorpusImport.Slug"/>).</param>
/// <param name="Title">The title citations show.</param>
/// <param name="Kind">What sort of document it is (<c>news</c>, <c>article</c>, …).</param>
/// <param name="Publisher">Who published it (a site's name), or null.</param>
/// <param name="Author">Who wrote it, or null; kept in the front matter for curators.</param>
/// <param name="Published">When it was published, or null.</param>
/// <param name="Url">Where it can be read, or null.</param>
/// <param name="Body">Its text, one paragraph a line.</param>
public sealed record DocumentDraft(string Id, string Title, string Kind, string? Publisher, string? Author, DateOnly? Published, Uri? Url, string Body)
{
    /// <summary>The corpus file for this draft with <paramref name="body"/> as its text: front matter, a blank line, the body.</summary>
    /// <param name="body">The text to write, usually the cleaned passages (<see cref="ImportPreview.Body"/>).</param>
    public string ToMarkdown(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var text = new StringBuilder("---\n");
        Field(text, "title", Title);
        Field(text, "kind", Kind);
        Field(text, "publisher", Publisher);
        Field(text, "author", Author);
        if (Published is { } published) text.Append("published: ").Append(published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        Field(text, "url", Url?.AbsoluteUri);
        text.Append("notes: \"Imported; the text is the cleaned passages of the original.\"\n---\n\n");
        return text.Append(body.TrimEnd()).Append('\n').ToString();
    }

    // Double-quoted YAML: only the backslash and the quote need escaping once line breaks are gone.
    private static void Field(StringBuilder text, string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        var flat = string.Join(' ', value.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        text.Append(key).Append(": \"").Append(flat.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\"\n");
    }
}
