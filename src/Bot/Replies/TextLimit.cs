namespace Kuril.Bot.Replies;

/// <summary>Cuts text to a length in UTF-16 code units (the unit Discord and Telegram count in).</summary>
public static class TextLimit
{
    /// <summary>The mark a cut text ends with.</summary>
    public const string Ellipsis = "…";

    /// <summary>The text itself if it fits, else its start and an ellipsis, never splitting a surrogate pair.</summary>
    public static string Truncate(string text, int maxLength)
    {
        if (text.Length <= maxLength) return text;
        var cut = Math.Max(0, maxLength - Ellipsis.Length);
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1])) cut--;
        return string.Concat(text.AsSpan(0, cut), Ellipsis);
    }
}
