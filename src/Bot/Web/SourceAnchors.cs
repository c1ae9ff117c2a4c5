using Kuril.Knowledge.Answers;
using Kuril.Knowledge.Timeline;

namespace Kuril.Bot.Web;

/// <summary>
/// Where a summary's corpus source can be read: the passage of its document that holds the quoted words, or the
/// document's page when the cleaned text no longer holds them verbatim. One instance serves one page.
/// </summary>
internal sealed class SourceAnchors(IKnowledgeBase knowledge)
{
    private readonly Dictionary<string, IReadOnlyList<PassageRecord>> _passages = new(StringComparer.Ordinal);

    /// <summary>The site path of a source's passage; a source must cite a corpus passage.</summary>
    public string PathOf(TimelineSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var documentId = source.DocumentId ?? throw new ArgumentException("the source cites no corpus passage", nameof(source));
        if (!_passages.TryGetValue(documentId, out var passages)) _passages[documentId] = passages = knowledge.GetPassages(documentId);
        var words = Squeezed(source.Excerpt ?? string.Empty);
        var holder = words.Length == 0 ? null : passages.FirstOrDefault(p => Squeezed(p.Text).Contains(words, StringComparison.OrdinalIgnoreCase));
        return holder is null ? PassageLinks.DocumentPath(documentId) : PassageLinks.PassagePath(documentId, holder.Ordinal);
    }

    // Cleaning joins lines and collapses spaces; a quotation is compared on its words alone.
    private static string Squeezed(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
