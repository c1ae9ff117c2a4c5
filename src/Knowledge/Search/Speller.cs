using Kuril.Knowledge.Aliases;
using Kuril.Knowledge.Answers;
using Kuril.Knowledge.Cleaning;
using Kuril.Knowledge.Index;
using Kuril.Knowledge.Text;

namespace Kuril.Knowledge.Search;

/// <summary>
/// Finds what a misspelled question word stands for: a word of an alias name, an English word whose stem the index
/// holds, or an index term (Lucene's fuzzy term enumeration), within one edit for words of five to seven letters and
/// two for longer ones. Only words the index lacks and the English word list does not know are corrected; short
/// words and numbers never are, so an unrelated question stays unrelated.
/// </summary>
internal sealed class Speller
{
    private const int MinLength = 5;
    private const int LongWord = 8;

    private readonly PassageIndex _index;
    private readonly WordList _words;
    private readonly Lazy<List<string>> _aliasWords;
    private readonly Lazy<Dictionary<char, List<string>>> _wordsByInitial;

    public Speller(PassageIndex index, WordList words, AliasTable groups)
    {
        _index = index;
        _words = words;
        _aliasWords = new(() => groups.Groups.SelectMany(g => g.Names)
            .Select(TextNormalizer.Fold)
            .Where(n => n.Length >= MinLength && n.All(char.IsAsciiLetterLower))
            .Distinct(StringComparer.Ordinal)
            .ToList());
        _wordsByInitial = new(() => words.Lower
            .Where(w => w.Length >= MinLength - 1 && w.All(char.IsAsciiLetterLower))
            .GroupBy(w => w[0])
            .ToDictionary(g => g.Key, g => g.ToList()));
    }

    /// <summary>Corrections for the words of analysed question text whose terms the index lacks, in order.</summary>
    public List<(Token Token, Correction Correction)> Correct(AnalyzedText analyzed, IReadOnlyDictionary<string, int> frequencies)
    {
        var corrections = new List<(Token, Correction)>();
        foreach (var word in analyzed.Words)
        {
            if (!IsUnknown(word, frequencies)) continue;
            if (corrections.Exists(c => c.Item1.Start == word.Token.Start)) continue;
            if (Best(word.Token.Value, word.Term) is { } corrected) corrections.Add((word.Token, new Correction(word.Token.Value, corrected)));
        }

        return corrections;
    }

    /// <summary>
    /// The first word of analysed question text that names something the sources never mention: a word long enough
    /// to be corrected that is neither in the index nor an English word (a name such as "Dokdo"), or null.
    /// </summary>
    public string? FirstUnknown(AnalyzedText analyzed, IReadOnlyDictionary<string, int> frequencies)
    {
        foreach (var word in analyzed.Words)
        {
            if (IsUnknown(word, frequencies)) return word.Token.Value;
        }

        return null;
    }

    // A word the speller may correct: a Latin word of MinLength letters or more, outside alias names, that is neither
    // in the index nor an English word. Corrected, it is searched as another; left uncorrected, it is a name the
    // sources never mention.
    private bool IsUnknown(AnalyzedWord word, IReadOnlyDictionary<string, int> frequencies)
    {
        var written = word.Token.Value;
        return !word.InAlias && word.Token.Script == TokenScript.Latin && written.Length >= MinLength && written.All(char.IsAsciiLetterLower)
            && !frequencies.ContainsKey(word.Term) && !_words.Lower.Contains(written);
    }

    private string? Best(string written, string stem)
    {
        var maxEdits = written.Length >= LongWord ? 2 : 1;
        string? best = null;
        var bestDistance = maxEdits + 1;
        var bestFrequency = 0;

        // Names first: at equal distance a place name wins over a common word.
        foreach (var name in _aliasWords.Value)
        {
            var distance = EditDistance.Between(written, name, maxEdits);
            if (distance < bestDistance) (best, bestDistance, bestFrequency) = (name, distance, int.MaxValue);
        }

        if (_wordsByInitial.Value.TryGetValue(written[0], out var candidates))
        {
            foreach (var candidate in candidates)
            {
                if (Math.Abs(candidate.Length - written.Length) > maxEdits) continue;
                var distance = EditDistance.Between(written, candidate, maxEdits);
                if (distance > bestDistance || distance > maxEdits) continue;
                var frequency = _index.DocumentFrequencies([Stemmer.English(candidate)]).Values.FirstOrDefault();
                if (frequency == 0 || (distance == bestDistance && frequency <= bestFrequency)) continue;
                (best, bestDistance, bestFrequency) = (candidate, distance, frequency);
            }
        }

        foreach (var (term, frequency) in _index.SimilarTerms(stem, maxEdits, prefixLength: 1))
        {
            if (term.StartsWith("zq", StringComparison.Ordinal)) continue; // group and answer-type terms are not words
            var distance = EditDistance.Between(stem, term, maxEdits);
            if (distance < bestDistance || (distance == bestDistance && frequency > bestFrequency && best is null))
            {
                (best, bestDistance, bestFrequency) = (term, distance, frequency);
            }
        }

        return best;
    }
}
