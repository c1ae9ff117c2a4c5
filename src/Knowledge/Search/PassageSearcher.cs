using Kuril.Knowledge.Index;
using Kuril.Knowledge.Text;

namespace Kuril.Knowledge.Search;

/// <summary>
/// Ranks passages for a question. FTS5 finds the candidates; the ranking is BM25 computed here with an IDF that
/// stays positive for terms in half the passages or more (FTS5's own bm25() gives such terms, like "Kuril" and
/// "islands" in this corpus, almost no weight), scaled by how much of the question's weight a passage covers.
/// A question whose best passage covers too little of it is not answered.
/// </summary>
public sealed class PassageSearcher
{
    /// <summary>Most distinct terms taken from one question; the rest of a very long text is ignored.</summary>
    public const int MaxQueryTerms = 48;

    private const int CandidateLimit = 400;
    private const double K1 = 1.2;
    private const double B = 0.5;

    // Calibrated with questions the corpus cannot answer (see the tests' calibration set): a question is answered
    // when its best passage covers this share of its term weight, or a little less with strong, rare evidence.
    private const double AnswerCoverage = 0.6;
    private const double WeakCoverage = 0.45;
    private const double StrongEvidence = 9.0;
    private const double RelativeCoverage = 0.5;

    private readonly PassageIndex _index;
    private readonly TermAnalyzer _analyzer;

    /// <summary>Creates a searcher over one index.</summary>
    public PassageSearcher(PassageIndex index, TermAnalyzer analyzer)
    {
        _index = index;
        _analyzer = analyzer;
    }

    /// <summary>Ranks the passages for a question.</summary>
    public SearchResult Search(string question, int limit)
    {
        var analyzed = _analyzer.Analyze(question);
        var queryTerms = new List<string>();
        foreach (var word in analyzed.Words)
        {
            if (!word.InAlias && !queryTerms.Contains(word.Term)) queryTerms.Add(word.Term);
        }

        foreach (var alias in analyzed.Aliases)
        {
            if (!queryTerms.Contains(alias.Group.Term)) queryTerms.Add(alias.Group.Term);
        }

        if (queryTerms.Count > MaxQueryTerms) queryTerms.RemoveRange(MaxQueryTerms, queryTerms.Count - MaxQueryTerms);
        var frequencies = _index.DocumentFrequencies(queryTerms);

        // Words in a script the corpus does not use cannot be matched or weighed: leave them out rather than let
        // them count against a Russian or Japanese question whose place names did match.
        var scripts = analyzed.Words.ToDictionary(w => w.Term, w => w.Token.Script, StringComparer.Ordinal);
        queryTerms.RemoveAll(t => !frequencies.ContainsKey(t) && scripts.TryGetValue(t, out var script) && script is not (TokenScript.Latin or TokenScript.Number));

        var n = Math.Max(_index.PassageCount, 1);
        var weights = queryTerms.ToDictionary(t => t, t => Idf(n, frequencies.GetValueOrDefault(t)), StringComparer.Ordinal);
        var totalWeight = weights.Values.Sum();
        if (totalWeight <= 0) return new SearchResult([], true, 0);

        var candidates = _index.Candidates(queryTerms.Where(frequencies.ContainsKey).ToList(), CandidateLimit);
        var ranked = new List<RankedPassage>(candidates.Count);
        var averageLength = Math.Max(_index.AverageTerms, 1);
        foreach (var candidate in candidates)
        {
            var bm25 = 0.0;
            var matched = 0.0;
            foreach (var (term, weight) in weights)
            {
                var tf = candidate.Terms.Count(t => t == term);
                if (tf == 0) continue;
                matched += weight;
                bm25 += weight * tf * (K1 + 1) / (tf + (K1 * (1 - B + (B * candidate.Terms.Length / averageLength))));
            }

            var coverage = matched / totalWeight;
            ranked.Add(new RankedPassage(candidate.Passage, bm25 * coverage, coverage));
        }

        ranked.Sort((a, b) => b.Score.CompareTo(a.Score));
        var best = ranked.Count == 0 ? null : ranked.MaxBy(r => r.Coverage);
        var bestCoverage = best?.Coverage ?? 0;
        var strongest = ranked.Count == 0 ? 0 : ranked.Max(r => r.Coverage * totalWeight);
        var answerable = bestCoverage >= AnswerCoverage || (bestCoverage >= WeakCoverage && strongest >= StrongEvidence);
        if (!answerable) return new SearchResult([], true, bestCoverage);

        var relevant = ranked.Where(r => r.Coverage >= bestCoverage * RelativeCoverage).Take(limit).ToList();
        return new SearchResult(relevant, false, bestCoverage);
    }

    private static double Idf(int passages, int frequency) =>
        Math.Log(1 + ((passages - frequency + 0.5) / (frequency + 0.5)));
}
