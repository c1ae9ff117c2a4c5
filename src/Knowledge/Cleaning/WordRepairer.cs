using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Kuril.Knowledge.Cleaning;

/// <summary>
/// Repairs what scraping did to words: runs split where the word list and the corpus's own vocabulary make
/// the split certain ("landingafterJapan" → "landing after Japan"), and dropped apostrophes restored where
/// the word is unambiguous ("doesnt" → "doesn't", "Japans then prime minister" → "Japan's …").
/// </summary>
internal sealed partial class WordRepairer
{
    private const int MaxPieces = 4;

    // The only one- and two-letter words that scraping runs into their neighbours ("Tokyoto", "Japanallthe").
    private static readonly HashSet<string> ShortWords = new(StringComparer.Ordinal)
    {
        "a", "an", "as", "at", "be", "by", "do", "he", "if", "in", "is", "it", "me", "my", "no", "of", "on", "or", "so", "to", "up", "us", "we",
    };
    private const int MaxRunLength = 40; // longer runs are not words run together, and would make the search explode
    private readonly WordList _words;
    private readonly IReadOnlyDictionary<string, string> _contractions;
    private readonly Dictionary<string, int> _corpusCounts;
    private readonly HashSet<string> _lowerInCorpus;

    /// <param name="words">The English word list.</param>
    /// <param name="contractions">Apostrophe repairs from the cleaning rules.</param>
    /// <param name="corpusText">All document text, from which the corpus's own vocabulary is learned.</param>
    public WordRepairer(WordList words, IReadOnlyDictionary<string, string> contractions, IEnumerable<string> corpusText)
    {
        _words = words;
        _contractions = contractions;
        _corpusCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        _lowerInCorpus = new HashSet<string>(StringComparer.Ordinal);

        // Counting is a sum and the lower-case words a union, so texts are counted in parallel and merged.
        var merge = new Lock();
        Parallel.ForEach(
            corpusText,
            () => (Counts: new Dictionary<string, int>(StringComparer.Ordinal), Lower: new HashSet<string>(StringComparer.Ordinal)),
            (text, loopState, local) =>
            {
                // Words are looked up as spans: a string is made only for a word not seen before.
                var counts = local.Counts.GetAlternateLookup<ReadOnlySpan<char>>();
                var lowerWords = local.Lower.GetAlternateLookup<ReadOnlySpan<char>>();
                Span<char> buffer = stackalloc char[64];
                var withoutUrls = UrlPattern().Replace(text, " ");
                foreach (var match in WordPattern().EnumerateMatches(withoutUrls))
                {
                    var word = withoutUrls.AsSpan(match.Index, match.Length);
                    var lower = word.Length <= buffer.Length ? buffer[..word.Length] : new char[word.Length];
                    word.ToLowerInvariant(lower);
                    CollectionsMarshal.GetValueRefOrAddDefault(counts, lower, out _)++;
                    if (word.SequenceEqual(lower)) lowerWords.Add(lower);
                }

                return local;
            },
            local =>
            {
                lock (merge)
                {
                    foreach (var (word, count) in local.Counts) _corpusCounts[word] = _corpusCounts.GetValueOrDefault(word) + count;
                    _lowerInCorpus.UnionWith(local.Lower);
                }
            });
    }

    public string Repair(string sentence)
    {
        // Chunks are walked without a Match object each, and a chunk that needs no repair is copied as it is: the
        // index build repairs every sentence of the corpus, and almost every word is already whole.
        var urls = sentence.Contains("http", StringComparison.Ordinal) ? UrlPattern().Matches(sentence) : null;
        StringBuilder? builder = null;
        var last = 0;
        foreach (var match in ChunkPattern().EnumerateMatches(sentence))
        {
            if (urls is not null && InAnyUrl(urls, match.Index)) continue; // addresses stay as written

            var chunk = sentence.Substring(match.Index, match.Length);
            var repaired = RepairChunk(sentence, chunk, match.Index);
            if (string.Equals(repaired, chunk, StringComparison.Ordinal)) continue;
            builder ??= new StringBuilder(sentence.Length + 16);
            builder.Append(sentence, last, match.Index - last);
            builder.Append(repaired);
            last = match.Index + match.Length;
        }

        if (builder is null) return sentence;
        builder.Append(sentence, last, sentence.Length - last);
        return builder.ToString();
    }

    private static bool InAnyUrl(MatchCollection urls, int index)
    {
        foreach (Match url in urls)
        {
            if (index >= url.Index && index < url.Index + url.Length) return true;
        }

        return false;
    }

    private string RepairChunk(string sentence, string chunk, int index)
    {
        if (_contractions.TryGetValue(chunk.ToLowerInvariant(), out var repaired))
        {
            return char.IsUpper(chunk[0]) ? char.ToUpperInvariant(repaired[0]) + repaired[1..] : repaired;
        }

        if (IsPossessive(sentence, chunk, index))
        {
            return chunk[..^1] + "'s";
        }

        if (!chunk.Contains('-', StringComparison.Ordinal))
        {
            var pieces = SplitCaseRuns(chunk);
            return pieces.Count == 1 ? SplitRun(pieces[0]) : string.Join(' ', pieces.Select(SplitRun));
        }

        // Hyphenated parts ("Ki-43Hayabusafighters") are repaired one by one; the hyphens stay.
        var parts = chunk.Split('-');
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = string.Join(' ', SplitCaseRuns(parts[i]).Select(SplitRun));
        }

        return string.Join('-', parts);
    }

    // A dropped apostrophe: "Japans then prime minister", "Russias announcement", "childrens film".
    private bool IsPossessive(string sentence, string word, int index)
    {
        if (word.Length < 4 || word[^1] != 's' || word[^2] is 's' or '\'' || !word.All(char.IsLetter)) return false;
        if (_words.Exact.Contains(word) || (_words.Lower.Contains(word) && !char.IsUpper(word[0]))) return false;

        // The possessor is followed by what it owns: "Japans then prime minister", "Russias World War II legacy".
        var after = index + word.Length;
        if (after + 1 >= sentence.Length || sentence[after] != ' ' || !char.IsLetter(sentence[after + 1])) return false;

        var stem = word[..^1];
        if (char.IsUpper(word[0]))
        {
            // A proper noun the corpus uses and never writes in lower case; "the Kurils" and "the Soviets" are plurals.
            var before = sentence[..index].TrimEnd();
            var previous = before.Length == 0 ? string.Empty : before[(before.LastIndexOf(' ') + 1)..];
            return _corpusCounts.ContainsKey(stem.ToLowerInvariant())
                && !_lowerInCorpus.Contains(stem.ToLowerInvariant())
                && previous.ToLowerInvariant() is not ("the" or "a" or "an");
        }

        return _words.Lower.Contains(stem) && !_words.Lower.Contains(word);
    }

    // "landingafterJapan" → ["landingafter", "Japan"]; "B5NTenzantorpedo" → ["B5N", "Tenzantorpedo"].
    private List<string> SplitCaseRuns(string part)
    {
        if (part.Length < 4 || IsKnown(part)) return [part];
        var pieces = new List<string>();
        var start = 0;
        for (var i = 1; i < part.Length; i++)
        {
            var previous = part[i - 1];
            var current = part[i];
            var boundary =
                (char.IsLower(previous) && char.IsUpper(current))
                || (char.IsDigit(previous) && char.IsUpper(current) && i + 1 < part.Length && char.IsLower(part[i + 1]))
                || (char.IsUpper(previous) && char.IsUpper(current) && i + 2 < part.Length && char.IsLower(part[i + 1]) && char.IsLower(part[i + 2]) && i - start >= 2);
            if (boundary)
            {
                pieces.Add(part[start..i]);
                start = i;
            }
        }

        pieces.Add(part[start..]);
        if (pieces.Count == 1) return pieces;

        // Keep the split only where its letter runs are words (or repairable into words): "JavaScript" stays.
        return pieces.All(p => !p.All(char.IsLetter) || IsDesignator(p) || IsKnown(p) || Segment(p) is not null) ? pieces : [part];
    }

    // "KT" in "minesweeperKT-152", "P" in "AmericanP-63": a short capitalised designator, not a word.
    private static bool IsDesignator(string piece) => piece.Length <= 4 && piece.All(char.IsUpper);

    private string SplitRun(string run)
    {
        if (run.Length is < 5 or > MaxRunLength || !run.All(char.IsLetter) || IsKnown(run)) return run;
        return Segment(run) is { } pieces ? string.Join(' ', pieces) : run;
    }

    private bool IsKnown(string word)
    {
        var lower = word.ToLowerInvariant();
        return _words.Lower.Contains(lower) || _corpusCounts.GetValueOrDefault(lower) >= 2;
    }

    private bool InCorpus(string lower) => _corpusCounts.ContainsKey(lower);

    /// <summary>
    /// The one best split of a run into known words, or null when no split is certain. Fewer pieces win, then
    /// pieces the corpus itself uses; a tie means the split is a guess and nothing is changed.
    /// </summary>
    internal List<string>? Segment(string run)
    {
        if (run.Length > MaxRunLength) return null;
        var lower = run.ToLowerInvariant();
        List<string>? best = null;
        (int Pieces, int Foreign) bestScore = (int.MaxValue, int.MaxValue);
        var tie = false;
        foreach (var split in Splits(lower, 0))
        {
            var foreign = split.Count(p => !InCorpus(p));
            var score = (split.Count, foreign);
            if (score.CompareTo(bestScore) < 0)
            {
                best = split;
                bestScore = score;
                tie = false;
            }
            else if (score == bestScore)
            {
                tie = true;
            }
        }

        var unknownLead = false;
        if (best is null && char.IsUpper(run[0]))
        {
            // A proper noun run into a word: "Hayabusafighters" → "Hayabusa fighters".
            for (var cut = 4; cut <= lower.Length - 4 && best is null; cut++)
            {
                var tail = lower[cut..];
                if (IsKnown(tail) && tail.Length >= 5 && !IsKnown(lower[..cut]))
                {
                    best = [lower[..cut], tail];
                    bestScore = (2, 1);
                    unknownLead = true;
                }
            }
        }

        if (best is null || tie) return null;

        // Certainty: at most one piece the corpus does not use itself, and that one a long dictionary word.
        if (!unknownLead && (bestScore.Foreign > 1 || best.Any(p => !InCorpus(p) && p.Length < 5))) return null;

        // Restore the original letters' case.
        var result = new List<string>(best.Count);
        var offset = 0;
        foreach (var piece in best)
        {
            result.Add(run.Substring(offset, piece.Length));
            offset += piece.Length;
        }

        return result;
    }

    private IEnumerable<List<string>> Splits(string lower, int depth)
    {
        if (depth >= MaxPieces) yield break;
        for (var cut = 2; cut <= lower.Length; cut++)
        {
            var head = lower[..cut];
            if (!_words.Lower.Contains(head) && !InCorpus(head)) continue;
            if (head.Length <= 2 && !ShortWords.Contains(head)) continue; // "re confirmed", "met re" are not words run together
            if (cut == lower.Length)
            {
                if (depth > 0) yield return [head];
                continue;
            }

            foreach (var rest in Splits(lower[cut..], depth + 1))
            {
                rest.Insert(0, head);
                yield return rest;
            }
        }
    }

    [GeneratedRegex(@"https?://\S+", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"[A-Za-z]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex ChunkPattern();
}
