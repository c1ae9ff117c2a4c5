using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Kuril.Knowledge.Text;

/// <summary>
/// Folds text to the form that indexing and matching compare: compatibility-normalised, lower-case,
/// without diacritics, invisible or control characters, and with digit groups joined ("17,000" → "17000").
/// </summary>
public static partial class TextNormalizer
{
    /// <summary>Returns the folded form of <paramref name="text"/>.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var compatible = WithoutLoneSurrogates(text).Normalize(NormalizationForm.FormKC);
        var decomposed = DigitGroupSeparator().Replace(compatible, string.Empty).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.Format: // zero-width joiners, bidi marks, soft hyphens
                    continue;
                case UnicodeCategory.Control:
                case UnicodeCategory.Surrogate:
                case UnicodeCategory.PrivateUse:
                case UnicodeCategory.OtherNotAssigned:
                    builder.Append(' ');
                    continue;
                default:
                    builder.Append(char.ToLowerInvariant(c));
                    break;
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Removes control and invisible formatting characters, keeping everything a reader sees.</summary>
    public static string StripInvisible(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.Format || (category == UnicodeCategory.Control && c is not ('\n' or '\t')))
            {
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    // string.Normalize throws on a lone surrogate, which any client can send; a replacement character is harmless.
    private static string WithoutLoneSurrogates(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i])) continue;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            var chars = text.ToCharArray();
            for (var j = i; j < chars.Length; j++)
            {
                if (!char.IsSurrogate(chars[j])) continue;
                if (char.IsHighSurrogate(chars[j]) && j + 1 < chars.Length && char.IsLowSurrogate(chars[j + 1])) j++;
                else chars[j] = '\uFFFD';
            }

            return new string(chars);
        }

        return text;
    }

    [GeneratedRegex(@"(?<=\d),(?=\d{3}(?!\d))", RegexOptions.CultureInvariant)]
    private static partial Regex DigitGroupSeparator();
}
