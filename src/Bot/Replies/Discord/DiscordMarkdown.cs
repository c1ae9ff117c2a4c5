using System.Text;

namespace Kuril.Bot.Replies.Discord;

/// <summary>Makes user and corpus text inert in Discord markdown.</summary>
public static class DiscordMarkdown
{
    // Characters that start or end formatting, spoilers, quotes, code, masked links and headings.
    private const string Special = "\\*_~`|>[]()#";

    /// <summary>
    /// Escapes markdown and breaks every <c>@</c> with a zero-width space, so <c>@everyone</c>, <c>@here</c>,
    /// <c>&lt;@&amp;id&gt;</c> and <c>&lt;@id&gt;</c> show as text (allowed_mentions stops pings as well; this stops
    /// them looking like pings).
    /// </summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        var lineStart = true;
        foreach (var c in text)
        {
            if (Special.Contains(c, StringComparison.Ordinal) || (lineStart && c is '-' or '+')) escaped.Append('\\');
            escaped.Append(c);
            if (c == '@') escaped.Append('\u200B');
            lineStart = c == '\n' || (lineStart && c == ' ');
        }

        return escaped.ToString();
    }

    /// <summary>Breaks mentions only, for text that must stay as it is, such as a URL.</summary>
    public static string NeutraliseMentions(string text) => text.Replace("@", "@\u200B", StringComparison.Ordinal);
}
