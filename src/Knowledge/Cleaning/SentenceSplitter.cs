namespace Kuril.Knowledge.Cleaning;

/// <summary>Splits a paragraph into sentences, keeping abbreviations such as "Gen." and "Aug. 15" intact.</summary>
internal static class SentenceSplitter
{
    // Titles and months never end a sentence ("Gen. Fusaki", "Aug. 15"); other abbreviations end one when a capital
    // follows ("… at 6 p.m. What Japan calls …").
    private static readonly HashSet<string> NeverFinal = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "gov", "lt", "col", "maj", "capt", "sgt", "adm", "rep", "sen", "st", "mt", "no", "vs",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "e.g", "i.e",
    };

    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "a.m", "p.m", "etc", "inc", "corp", "co", "jr", "sr", "ltd",
    };

    /// <summary>A sentence with its offset in the paragraph.</summary>
    public readonly record struct Span(string Text, int Start);

    public static List<Span> Split(string paragraph)
    {
        var sentences = new List<Span>();
        var start = 0;
        var i = 0;
        while (i < paragraph.Length)
        {
            var c = paragraph[i];
            if (c is not ('.' or '!' or '?'))
            {
                i++;
                continue;
            }

            var end = i + 1;
            while (end < paragraph.Length && (paragraph[end] is '.' or '!' or '?' or '"' or '\'' or '”' or '’' or ')'
                || (paragraph[end] == ',' && paragraph[end - 1] == '.'))) // "… with Japan., After the Soviets …"
            {
                end++;
            }

            var next = end;
            while (next < paragraph.Length && char.IsWhiteSpace(paragraph[next])) next++;
            if (next >= paragraph.Length)
            {
                break;
            }

            if (next > end && EndsSentence(paragraph, i, paragraph[next]))
            {
                Add(sentences, paragraph, start, end);
                start = next;
            }

            i = next;
        }

        Add(sentences, paragraph, start, paragraph.Length);
        return sentences;
    }

    private static bool EndsSentence(string text, int mark, char next)
    {
        if (text[mark] != '.')
        {
            return true;
        }

        var wordStart = mark;
        while (wordStart > 0 && (char.IsLetterOrDigit(text[wordStart - 1]) || text[wordStart - 1] == '.')) wordStart--;
        var word = text[wordStart..mark];
        if (NeverFinal.Contains(word))
        {
            return false;
        }

        if (char.IsUpper(next) || char.IsDigit(next) || next is '"' or '“' or '\'' or '(' or '*')
        {
            return true;
        }

        // "... towards us. urges gas rationing": a full word before the period ends a sentence even when the
        // next one was cut off; initials and abbreviations ("U.S. atomic", "a.m. five") do not.
        return char.IsLower(next) && word.Length >= 2 && word.All(char.IsLetter) && !Abbreviations.Contains(word);
    }

    private static void Add(List<Span> sentences, string text, int start, int end)
    {
        var piece = text[start..end];
        var trimmed = piece.Trim().TrimEnd(',');
        if (trimmed.Length > 0)
        {
            sentences.Add(new Span(trimmed, start + piece.IndexOf(trimmed[0], StringComparison.Ordinal)));
        }
    }
}
