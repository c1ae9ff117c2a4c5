using System.Collections.Concurrent;
using Kuril.Knowledge.Answers;
using Kuril.Knowledge.Timeline;

namespace Kuril.Bot.Web;

/// <summary>
/// Where a summary's corpus source can be read: the passage of its document that holds the quoted words, or the
/// document's page when the cleaned text no longer holds them verbatim. Found once per source and index.
/// </summary>
internal sealed class SourceAnchors(IKnowledgeBase knowledge)
{
    // Sources come from the corpus's own summaries, so there are as many as it has; a new index empties it.
    private readonly ConcurrentDictionary<(string Fingerprint, string DocumentId, string Excerpt), string> _paths = new();
    private string _fingerprint = string.Empty;

    /// <summary>The site path of a source's passage; a source must cite a corpus passage.</summary>
    public string PathOf(TimelineSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var documentId = source.DocumentId ?? throw new ArgumentException("the source cites no corpus passage", nameof(source));
        var fingerprint = knowledge.Fingerprint;
        if (!string.Equals(Volatile.Read(ref _fingerprint), fingerprint, StringComparison.Ordinal))
        {
            Volatile.Write(ref _fingerprint, fingerprint);
            _paths.Clear();
        }

        return _paths.GetOrAdd((fingerprint, documentId, source.Excerpt ?? string.Empty), Find);
    }

    private string Find((string Fingerprint, string DocumentId, string Excerpt) source)
    {
        var words = Squeezed(source.Excerpt);
        var holder = words.Length == 0
            ? null
            : knowledge.GetPassages(source.DocumentId).FirstOrDefault(p => Squeezed(p.Text).Contains(words, StringComparison.OrdinalIgnoreCase));
        return holder is null ? PassageLinks.DocumentPath(source.DocumentId) : PassageLinks.PassagePath(source.DocumentId, holder.Ordinal);
    }

    // Cleaning joins lines and collapses spaces; a quotation is compared on its words alone.
    private static string Squeezed(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
