using System.Text;

namespace Kuril.Bot.Replies.Telegram;

/// <summary>Telegram's HTML parse mode: escaping, and length as Telegram counts it.</summary>
public static class TelegramHtml
{
    /// <summary>Escapes <c>&amp; &lt; &gt;</c> (and <c>"</c>, for attributes), so no text can open or close a tag.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => null,
            } ?? c.ToString());
        }

        return escaped.ToString();
    }

    /// <summary>
    /// The length Telegram sees after parsing: tags removed, each entity one character. Valid for HTML this
    /// renderer writes, where every literal <c>&lt;</c> and <c>&amp;</c> in text is escaped.
    /// </summary>
    public static int VisibleLength(string html)
    {
        var length = 0;
        for (var i = 0; i < html.Length; i++)
        {
            switch (html[i])
            {
                case '<':
                    i = html.IndexOf('>', i);
                    if (i < 0) return length;
                    break;
                case '&':
                    var end = html.IndexOf(';', i);
                    i = end < 0 ? i : end;
                    length++;
                    break;
                default:
                    length++;
                    break;
            }
        }

        return length;
    }
}
