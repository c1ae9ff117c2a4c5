namespace Kuril.Knowledge.Text;

/// <summary>
/// The original Porter (1980) stemmer for lower-case English words, so that "deported", "deports" and
/// "deportation" meet at one index term.
/// </summary>
public static class PorterStemmer
{
    /// <summary>Returns the stem of a lower-case word; words of two letters or fewer come back unchanged.</summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length <= 2 || !IsAsciiLower(word))
        {
            return word;
        }

        var w = new Buffer(word);
        w.Step1A();
        w.Step1B();
        w.Step1C();
        w.Step2();
        w.Step3();
        w.Step4();
        w.Step5();
        return w.ToString();
    }

    private static bool IsAsciiLower(string word)
    {
        foreach (var c in word)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
        }

        return true;
    }

    private sealed class Buffer(string word)
    {
        private readonly char[] _b = word.ToCharArray();
        private int _end = word.Length; // exclusive
        private int _stemEnd;           // exclusive end of the stem when a suffix has matched

        public override string ToString() => new(_b, 0, _end);

        private bool IsConsonant(int i) => _b[i] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => false,
            'y' => i == 0 || !IsConsonant(i - 1),
            _ => true,
        };

        // m(): the number of vowel-consonant sequences in b[0.._stemEnd).
        private int Measure()
        {
            var n = 0;
            var i = 0;
            while (i < _stemEnd && IsConsonant(i)) i++;
            while (i < _stemEnd)
            {
                while (i < _stemEnd && !IsConsonant(i)) i++;
                if (i >= _stemEnd) break;
                n++;
                while (i < _stemEnd && IsConsonant(i)) i++;
            }

            return n;
        }

        private bool StemHasVowel()
        {
            for (var i = 0; i < _stemEnd; i++)
            {
                if (!IsConsonant(i)) return true;
            }

            return false;
        }

        private bool EndsWithDoubleConsonant(int end) =>
            end >= 2 && _b[end - 1] == _b[end - 2] && IsConsonant(end - 1);

        // cvc(i): consonant-vowel-consonant ending at i-1, the last not w, x or y.
        private bool EndsCvc(int end)
        {
            if (end < 3 || !IsConsonant(end - 1) || IsConsonant(end - 2) || !IsConsonant(end - 3)) return false;
            var c = _b[end - 1];
            return c is not ('w' or 'x' or 'y');
        }

        private bool EndsWith(string suffix)
        {
            if (suffix.Length > _end) return false;
            for (var i = 0; i < suffix.Length; i++)
            {
                if (_b[_end - suffix.Length + i] != suffix[i]) return false;
            }

            _stemEnd = _end - suffix.Length;
            return true;
        }

        private void SetTo(string replacement)
        {
            for (var i = 0; i < replacement.Length; i++) _b[_stemEnd + i] = replacement[i];
            _end = _stemEnd + replacement.Length;
        }

        private void ReplaceIfMeasured(string replacement)
        {
            if (Measure() > 0) SetTo(replacement);
        }

        public void Step1A()
        {
            if (EndsWith("sses")) SetTo("ss");
            else if (EndsWith("ies")) SetTo("i");
            else if (EndsWith("ss")) { }
            else if (EndsWith("s")) SetTo(string.Empty);
        }

        public void Step1B()
        {
            if (EndsWith("eed"))
            {
                if (Measure() > 0) SetTo("ee");
                return;
            }

            if ((EndsWith("ed") || EndsWith("ing")) && StemHasVowel())
            {
                _end = _stemEnd;
                if (EndsWith("at")) SetTo("ate");
                else if (EndsWith("bl")) SetTo("ble");
                else if (EndsWith("iz")) SetTo("ize");
                else
                {
                    _stemEnd = _end;
                    if (EndsWithDoubleConsonant(_end) && _b[_end - 1] is not ('l' or 's' or 'z'))
                    {
                        _end--;
                    }
                    else if (Measure() == 1 && EndsCvc(_end))
                    {
                        _b[_end] = 'e';
                        _end++;
                    }
                }
            }
        }

        public void Step1C()
        {
            if (EndsWith("y") && StemHasVowel()) _b[_end - 1] = 'i';
        }

        private static readonly (string Suffix, string Replacement)[] Step2Rules =
        [
            ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
            ("bli", "ble"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
            ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
            ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"), ("logi", "log"),
        ];

        private static readonly (string Suffix, string Replacement)[] Step3Rules =
        [
            ("icate", "ic"), ("ative", string.Empty), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"),
            ("ful", string.Empty), ("ness", string.Empty),
        ];

        private static readonly string[] Step4Suffixes =
        [
            "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou",
            "ism", "ate", "iti", "ous", "ive", "ize",
        ];

        public void Step2() => ApplyFirst(Step2Rules);

        public void Step3() => ApplyFirst(Step3Rules);

        private void ApplyFirst((string Suffix, string Replacement)[] rules)
        {
            // Longest match first, as in the reference implementation's switch on the penultimate letter.
            (string Suffix, string Replacement)? best = null;
            foreach (var rule in rules)
            {
                if (EndsWith(rule.Suffix) && (best is null || rule.Suffix.Length > best.Value.Suffix.Length))
                {
                    best = rule;
                }
            }

            if (best is { } chosen && EndsWith(chosen.Suffix))
            {
                ReplaceIfMeasured(chosen.Replacement);
            }
        }

        public void Step4()
        {
            string? best = null;
            foreach (var suffix in Step4Suffixes)
            {
                if (EndsWith(suffix) && (best is null || suffix.Length > best.Length)) best = suffix;
            }

            if (best is null || !EndsWith(best) || Measure() <= 1) return;
            if (best == "ion" && (_stemEnd == 0 || _b[_stemEnd - 1] is not ('s' or 't'))) return;
            _end = _stemEnd;
        }

        public void Step5()
        {
            _stemEnd = _end;
            if (_b[_end - 1] == 'e')
            {
                _stemEnd = _end - 1;
                var m = Measure();
                if (m > 1 || (m == 1 && !EndsCvc(_end - 1))) _end--;
            }

            _stemEnd = _end;
            if (_b[_end - 1] == 'l' && EndsWithDoubleConsonant(_end) && Measure() > 1) _end--;
        }
    }
}
