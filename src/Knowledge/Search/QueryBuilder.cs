using Kuril.Knowledge.Answers;
using Kuril.Knowledge.Index;
using Kuril.Knowledge.Text;

namespace Kuril.Knowledge.Search;

/// <summary>
/// Makes a question ready for scoring: its terms looked up in the index (misspelled words corrected first), weighed
/// by IDF, numbered with the words of its word pairs, and the words a passage must or must not hold.
/// </summary>
internal sealed class QueryBuilder(PassageIndex index, TermAnalyzer analyzer, Speller? speller)
{
    // An earlier question's terms join a follow-up at a share of their weight. A follow-up that names its own
    // subject ("What about Shikotan?") is answered from its own words, the earlier subject only breaking ties among
    // them; one that refers back with a pronoun ("How did he die?") is about the earlier subject, which then weighs
    // nearly as much as its own words, so that a passage about that subject outranks one holding only "die".
    private const double ContextWeight = 0.35;
    private const double ReferredContextWeight = 0.75;

    /// <summary>The question (asked after <paramref name="context"/>, or null) ready for scoring, or null when none of its words weighs anything.</summary>
    public Query? Build(string question, string? context)
    {
        var analyzed = analyzer.Analyze(question);
        var (queryTerms, frequencies) = Lookup(analyzed);
        List<Correction> corrections = [];
        if (speller is not null)
        {
            // A misspelled word is searched as the word it most likely stands for, names included: the question is
            // analysed again with it, so a corrected "Kunashri" also names the Kunashiri group.
            var found = speller.Correct(analyzed, frequencies);
            if (found.Count > 0)
            {
                var folded = analyzed.Folded;
                foreach (var (token, correction) in Enumerable.Reverse(found)) folded = string.Concat(folded.AsSpan(0, token.Start), correction.Corrected, folded.AsSpan(token.End));
                analyzed = analyzer.Analyze(folded);
                (queryTerms, frequencies) = Lookup(analyzed);
                corrections = found.ConvertAll(f => f.Correction);
            }
        }

        var bigrams = TermAnalyzer.Bigrams(analyzed).Distinct().Take(PassageSearcher.MaxQueryTerms).ToList();

        // Words in a script the corpus does not use cannot be matched or weighed: leave them out rather than let
        // them count against a Russian or Japanese question whose place names did match.
        queryTerms.RemoveAll(t => !frequencies.ContainsKey(t.Term) && t.Script is not (TokenScript.Latin or TokenScript.Number));

        var n = Math.Max(index.PassageCount, 1);
        var weights = queryTerms.ConvertAll(t => (t.Term, Weight: Idf(n, frequencies.GetValueOrDefault(t.Term))));
        var ownTerms = weights.Count;
        var ownWeight = weights.Sum(w => w.Weight);
        if (!string.IsNullOrWhiteSpace(context)) AddContext(context, TermAnalyzer.RefersBack(analyzed) ? ReferredContextWeight : ContextWeight, n, weights, frequencies);
        var totalWeight = weights.Sum(w => w.Weight);
        if (totalWeight <= 0) return null;

        // One number per distinct word the scoring looks for: question terms first (their weights share the
        // numbers), then words that occur only in the question's word pairs.
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (term, _) in weights) ids.TryAdd(term, ids.Count);
        foreach (var (first, second) in bigrams)
        {
            ids.TryAdd(first, ids.Count);
            ids.TryAdd(second, ids.Count);
        }

        // Words a passage must (or must not) hold are numbered too, so that scoring counts them as it reads.
        var required = TermAnalyzer.RequiredTerms(analyzed).ConvertAll(set => Array.ConvertAll(set, term => Number(ids, term)));
        var excluded = -1;
        if (TermAnalyzer.AsksPresent(analyzed))
        {
            required.Add([Number(ids, TermAnalyzer.CurrentTerm)]);
            excluded = Number(ids, TermAnalyzer.DateTerm);
        }

        var pairs = bigrams.ConvertAll(b => (ids[b.First], ids[b.Second]));
        var lengths = 0UL;
        foreach (var term in ids.Keys) lengths |= Query.LengthBit(term.Length);
        var matchable = weights.Where(w => frequencies.ContainsKey(w.Term)).Select(w => new MatchableTerm(w.Term, w.Weight, frequencies[w.Term])).ToList();
        var unknown = speller?.FirstUnknown(analyzed, frequencies);
        return new Query([.. weights.Select(w => w.Weight)], totalWeight, matchable, ids, pairs, lengths, corrections, required, excluded, unknown, ownTerms, ownWeight);
    }

    // The earlier question's terms count as optional ones of lower weight: like the question's own, they raise the
    // passages holding them and their share of the weight, but never make a passage required to hold them. Only
    // terms the index holds are added, so an earlier word the sources lack cannot lower a follow-up's coverage.
    private void AddContext(string context, double share, int passages, List<(string Term, double Weight)> weights, Dictionary<string, int> frequencies)
    {
        var (terms, found) = Lookup(analyzer.Analyze(context));
        var known = weights.Select(w => w.Term).ToHashSet(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            if (weights.Count >= PassageSearcher.MaxQueryTerms) break;
            if (!found.TryGetValue(term.Term, out var frequency) || !known.Add(term.Term)) continue;
            weights.Add((term.Term, share * Idf(passages, frequency)));
            frequencies[term.Term] = frequency;
        }
    }

    private static int Number(Dictionary<string, int> ids, string term)
    {
        ids.TryAdd(term, ids.Count);
        return ids[term];
    }

    private (List<QueryTerm> Terms, Dictionary<string, int> Frequencies) Lookup(AnalyzedText analyzed)
    {
        var queryTerms = TermAnalyzer.QueryTerms(analyzed);
        if (queryTerms.Count > PassageSearcher.MaxQueryTerms) queryTerms.RemoveRange(PassageSearcher.MaxQueryTerms, queryTerms.Count - PassageSearcher.MaxQueryTerms);
        return (queryTerms, index.DocumentFrequencies(queryTerms.ConvertAll(t => t.Term)));
    }

    private static double Idf(int passages, int frequency) =>
        Math.Log(1 + ((passages - frequency + 0.5) / (frequency + 0.5)));
}
