using System.Globalization;
using Kuril.Knowledge.Answers;
using Kuril.Knowledge.Timeline;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Web;

/// <summary>
/// The site's addresses of documents and passages: relative ones for the site's own pages, absolute ones (under
/// <c>Web:PublicUrl</c>) for replies on other platforms, or none when the site is off.
/// </summary>
public sealed class PassageLinks(IOptions<WebOptions> options)
{
    /// <summary>The path of a document's page.</summary>
    public static string DocumentPath(string documentId) => "/sources/" + Uri.EscapeDataString(documentId);

    /// <summary>The fragment that names a passage on its document's page: its number as citations show it, from 1.</summary>
    public static string PassageAnchor(int ordinal) => string.Create(CultureInfo.InvariantCulture, $"p{ordinal + 1}");

    /// <summary>The path of a calendar day's page on the timeline, <c>/timeline/MM-DD</c>.</summary>
    public static string DayPath(MonthDay day) => string.Create(CultureInfo.InvariantCulture, $"/timeline/{day.Month:D2}-{day.Day:D2}");

    /// <summary>The path and fragment of a passage.</summary>
    public static string PassagePath(string documentId, int ordinal) => DocumentPath(documentId) + "#" + PassageAnchor(ordinal);

    /// <summary>The absolute address of a site path, or null when the site is off.</summary>
    public Uri? Absolute(string path) => options.Value.BaseUri is { } root ? new Uri(root, path.TrimStart('/')) : null;

    /// <summary>
    /// The absolute address of the passage an excerpt quotes, or null when the site is off or the excerpt is one of
    /// the project's own summaries (which has no page of its own).
    /// </summary>
    public Uri? For(Excerpt excerpt)
    {
        ArgumentNullException.ThrowIfNull(excerpt);
        return excerpt.Kind == ExcerptKind.Document ? Absolute(PassagePath(excerpt.Citation.DocumentId, excerpt.Citation.PassageOrdinal)) : null;
    }
}
