using System.Text.RegularExpressions;

namespace Kuril.Knowledge.Cleaning;

/// <summary>Decides whether one sentence is page debris, from its own text alone.</summary>
internal sealed partial class SentenceFilter(CleaningRules rules)
{
    public DebrisReason? Check(string sentence)
    {
        if (rules.Drop.Any(r => r.IsMatch(sentence))) return DebrisReason.SiteFurniture;
        if (WordPattern().Count(sentence) < rules.MinWords) return DebrisReason.TooShort;
        var first = sentence.FirstOrDefault(char.IsLetterOrDigit);
        if (char.IsLower(first)) return DebrisReason.Fragment;
        if (!EndingPattern().IsMatch(sentence)) return DebrisReason.Heading;
        if (TruncatedPattern().IsMatch(sentence)) return DebrisReason.Truncated;
        if (IsHeadlineList(sentence)) return DebrisReason.HeadlineList;
        return null;
    }

    private bool IsHeadlineList(string sentence)
    {
        if (PresentSaysPattern().Count(sentence) >= rules.HeadlineSays) return true;
        var segments = SegmentSeparator().Split(sentence);
        var headlines = segments.Skip(1).Count(s =>
            s.Length > 0 && char.IsUpper(s[0]) && WordPattern().Count(s) >= rules.HeadlineWords);
        return headlines >= rules.HeadlineSegments;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"[.!?][""'”’)]*\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex EndingPattern();

    // "… in the last days o." — a lone letter other than a word ("a", "I") before the final period.
    [GeneratedRegex(@"\s(?![aAI]\b)[a-zA-Z]\.$", RegexOptions.CultureInvariant)]
    private static partial Regex TruncatedPattern();

    [GeneratedRegex(@"\b[A-Z][\w.'’]*(?:\s+\w+){0,2}\s+says?\s+\w", RegexOptions.CultureInvariant)]
    private static partial Regex PresentSaysPattern();

    [GeneratedRegex(@"[,;:]\s+", RegexOptions.CultureInvariant)]
    private static partial Regex SegmentSeparator();
}
