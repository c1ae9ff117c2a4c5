using System.Globalization;

namespace Kuril.Knowledge.Text;

/// <summary>Splits folded text (see <see cref="TextNormalizer.Fold"/>) into tokens and index terms.</summary>
public static class Tokenizer
{
    /// <summary>Tokens of already folded text, in order.</summary>
    public static List<Token> Tokenize(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        var tokens = new List<Token>();
        var i = 0;
        while (i < folded.Length)
        {
            if (!IsWordChar(folded, i))
            {
                i++;
                continue;
            }

            var start = i;
            var script = ScriptOf(folded, i);
            while (i < folded.Length && IsWordChar(folded, i) && Compatible(script, ScriptOf(folded, i)))
            {
                if (script == TokenScript.Number && ScriptOf(folded, i) != TokenScript.Number) script = ScriptOf(folded, i);
                i += char.IsSurrogatePair(folded, i) ? 2 : 1;
            }

            tokens.Add(new Token(folded[start..i], start, script));
        }

        return tokens;
    }

    /// <summary>
    /// The index term of a token: English words get their Porter stem, Russian words their Snowball stem ("" for a
    /// Russian stop word), other scripts are kept as they are.
    /// </summary>
    public static string Term(Token token) => token.Script switch
    {
        TokenScript.Latin => Stemmer.English(token.Value),
        TokenScript.Cyrillic => Stemmer.Russian(token.Value),
        _ => token.Value,
    };

    /// <summary>Index terms of raw text: folds, tokenizes and stems.</summary>
    public static List<string> Terms(string text)
    {
        var tokens = Tokenize(TextNormalizer.Fold(text));
        var terms = new List<string>(tokens.Count);
        foreach (var token in tokens)
        {
            var term = Term(token);
            if (term.Length > 0) terms.Add(term);
        }

        return terms;
    }

    private static bool IsWordChar(string s, int i)
    {
        if (char.IsSurrogatePair(s, i))
        {
            return false; // emoji and other astral symbols never form words
        }

        var c = s[i];
        return char.IsLetterOrDigit(c) || (c is '\u3005' or '\u30FC'); // 々 and ー belong to Japanese words
    }

    private static bool Compatible(TokenScript run, TokenScript next) =>
        run == next
        || (run is TokenScript.Number && next is TokenScript.Latin)
        || (run is TokenScript.Latin && next is TokenScript.Number);

    private static TokenScript ScriptOf(string s, int i)
    {
        var c = s[i];
        if (char.IsDigit(c)) return TokenScript.Number;
        if (c < 0x0250) return TokenScript.Latin;
        if (c is >= '\u0400' and <= '\u052F') return TokenScript.Cyrillic;
        if (c is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF') or '\u3005')
        {
            return TokenScript.Cjk;
        }

        return CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DecimalDigitNumber ? TokenScript.Number : TokenScript.Other;
    }
}
