using System.Text;
using Kuril.Knowledge.Answers;

namespace Kuril.Bot.Replies;

/// <summary>Marks the matched words of an excerpt in a platform's markup: each stretch escaped on its own, then wrapped.</summary>
public static class Highlighting
{
    /// <summary>
    /// The text cut to <paramref name="maxLength"/> (see <see cref="TextLimit.Truncate"/>) and escaped, each
    /// highlighted stretch within what is kept wrapped in <paramref name="open"/> and <paramref name="close"/>.
    /// Escaping comes first, so no text can open or close the wrapping; stretches the cut reaches are not wrapped.
    /// </summary>
    public static string Apply(string text, IReadOnlyList<TextSpan> spans, int maxLength, Func<string, string> escape, string open, string close)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(spans);
        ArgumentNullException.ThrowIfNull(escape);
        var kept = TextLimit.Truncate(text, maxLength);
        var whole = kept.Length == text.Length ? kept.Length : kept.Length - TextLimit.Ellipsis.Length;
        var marked = new StringBuilder(kept.Length + (spans.Count * (open.Length + close.Length)) + 16);
        var at = 0;
        foreach (var span in spans)
        {
            if (span.Start < at || span.Length <= 0 || span.End > whole) continue;
            marked.Append(escape(kept[at..span.Start])).Append(open).Append(escape(kept.Substring(span.Start, span.Length))).Append(close);
            at = span.End;
        }

        return marked.Append(escape(kept[at..])).ToString();
    }
}
