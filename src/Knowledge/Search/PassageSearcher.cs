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

    // A passage holding the question's words side by side, as a phrase, ranks up to this much higher.
    private const double PhraseBoost = 0.5;
    private const double K1 = 1.2;
    private const double B = 0.3; // passages are short; a rejoined footnote should not sink its sentence

    // Calibrated on questions the corpus cannot answer and on paraphrases it can (tests/Knowledge.Tests/Data): a
    // question is answered when its best passage covers this share of its term weight, or less when that passage
    // also scores well (several rare terms, not one common one). Unrelated questions stay below 0.5 coverage and
    // below 2.5 score; paraphrased answerable ones reach 3 and more.
    private const double AnswerCoverage = 0.6;
    private const double WeakCoverage = 0.4;
    private const double WeakCoverageScore = 2.7;
    private const double RelativeCoverage = 0.5;

    private readonly PassageIndex _index;
    private readonly TermAnalyzer _analyzer;

    /// <summary>Creates a searcher over one index.</summary>
    public PassageSearcher(PassageIndex index, TermAnalyzer analyzer)
    {
        _index = index;
        _analyzer = analyzer;
    }

    /// <summary>Ranks the passages for a question, abstaining when none covers enough of it.</summary>
    public SearchResult Search(string question, int limit)
    {
        var ranking = Rank(question);
        var best = ranking.Passages.Count == 0 ? 0 : ranking.Passages.Max(r => r.Coverage);
        var answerable = best >= AnswerCoverage
            || ranking.Passages.Any(r => r.Coverage >= WeakCoverage && r.Score >= WeakCoverageScore);
        if (!answerable) return new SearchResult([], true, best);

        var relevant = ranking.Passages.Where(r => r.Coverage >= best * RelativeCoverage).Take(limit).ToList();
        return new SearchResult(relevant, false, best);
    }

    /// <summary>Every candidate passage for a question, best first, with no abstention: for calibration and tools.</summary>
    public Ranking Rank(string question)
    {
        var analyzed = _analyzer.Analyze(question);
        var queryTerms = TermAnalyzer.QueryTerms(analyzed);
        var bigrams = TermAnalyzer.Bigrams(analyzed).Distinct().Take(MaxQueryTerms).ToList();
        if (queryTerms.Count > MaxQueryTerms) queryTerms.RemoveRange(MaxQueryTerms, queryTerms.Count - MaxQueryTerms);
        var frequencies = _index.DocumentFrequencies(queryTerms.Select(t => t.Term).ToList());

        // Words in a script the corpus does not use cannot be matched or weighed: leave them out rather than let
        // them count against a Russian or Japanese question whose place names did match.
        queryTerms.RemoveAll(t => !frequencies.ContainsKey(t.Term) && t.Script is not (TokenScript.Latin or TokenScript.Number));

        var n = Math.Max(_index.PassageCount, 1);
        var weights = queryTerms.ToDictionary(t => t.Term, t => Idf(n, frequencies.GetValueOrDefault(t.Term)), StringComparer.Ordinal);
        var totalWeight = weights.Values.Sum();
        if (totalWeight <= 0) return new Ranking([], 0);

        var candidates = _index.Candidates(weights.Keys.Where(frequencies.ContainsKey).ToList(), CandidateLimit);
        var ranked = new List<RankedPassage>(candidates.Count);
        var averageLength = Math.Max(_index.AverageTerms, 1);
        foreach (var candidate in candidates)
        {
            var bm25 = 0.0;
            var matched = 0.0;
            foreach (var (term, weight) in weights)
            {
                var tf = 0;
                foreach (var t in candidate.Terms)
                {
                    if (t == term) tf++;
                }

                if (tf == 0) continue;
                matched += weight;
                bm25 += weight * tf * (K1 + 1) / (tf + (K1 * (1 - B + (B * candidate.Terms.Length / averageLength))));
            }

            var coverage = matched / totalWeight;
            var phrase = bigrams.Count == 0 ? 0 : (double)CountAdjacent(candidate.Terms, bigrams) / bigrams.Count;
            ranked.Add(new RankedPassage(candidate.Passage, bm25 * coverage * (1 + (PhraseBoost * phrase)), coverage));
        }

        ranked.Sort((a, b) => b.Score.CompareTo(a.Score));
        return new Ranking(ranked, totalWeight);
    }

    // How many of the question's word pairs stand side by side in the passage's word terms.
    private static int CountAdjacent(string[] terms, List<(string First, string Second)> bigrams)
    {
        var found = 0;
        foreach (var (first, second) in bigrams)
        {
            for (var i = 1; i < terms.Length; i++)
            {
                if (terms[i - 1] == first && terms[i] == second)
                {
                    found++;
                    break;
                }
            }
        }

        return found;
    }

    private static double Idf(int passages, int frequency) =>
        Math.Log(1 + ((passages - frequency + 0.5) / (frequency + 0.5)));
}
