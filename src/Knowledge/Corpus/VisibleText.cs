using System.Text;
using System.Text.RegularExpressions;

namespace Kuril.Knowledge.Corpus;

/// <summary>
/// The one sanitizer for text entering the bot, from the corpus or from users: removes what would act on a reader
/// rather than be read by one, before any renderer sees it. Bidirectional embeddings, overrides and isolates
/// (U+202A–U+202E, U+2066–U+2069), zero-width spaces and joiners (U+200B, U+2060, U+FEFF), terminal escape sequences
/// and other control characters go; tabs and line breaks stay, and so do ZWNJ and ZWJ between two non-ASCII
/// characters, where Persian, Indic scripts and emoji sequences need them.
/// </summary>
public static partial class VisibleText
{
    /// <summary>Returns <paramref name="text"/> without invisible formatting and control characters.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!NeedsCleaning(text)) return text;
        text = TerminalEscape().Replace(text, string.Empty);
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsJoiner(c))
            {
                if (i > 0 && i + 1 < text.Length && IsJoinable(text[i - 1]) && IsJoinable(text[i + 1])) clean.Append(c);
            }
            else if (!IsRemoved(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    private static bool NeedsCleaning(string text)
    {
        foreach (var c in text)
        {
            if (IsRemoved(c) || IsJoiner(c)) return true;
        }

        return false;
    }

    private static bool IsJoiner(char c) => c is '\u200C' or '\u200D';

    private static bool IsJoinable(char c) => c > '\u007F' && !char.IsWhiteSpace(c) && !IsRemoved(c) && !IsJoiner(c);

    private static bool IsRemoved(char c) =>
        (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
        || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200B' or '\u2060' or '\uFEFF';

    // CSI (ESC [ … final byte) and OSC (ESC ] … BEL or ESC \) sequences whole, then any other escape and its next character.
    [GeneratedRegex(@"\u001B\[[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|\u001B.?|\u009B[0-?]*[ -/]*[@-~]", RegexOptions.CultureInvariant)]
    private static partial Regex TerminalEscape();
}
