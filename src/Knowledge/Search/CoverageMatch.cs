namespace Kuril.Knowledge.Search;

/// <summary>
/// Lucene queries for "passages that hold at least a given share of the question's term weight". The
/// searcher ranks and abstains on that share (coverage), so passages below the share it needs can never be shown or
/// change a decision, and leaving them out of the match spares Lucene and the scoring most of a large corpus: a
/// question's common words ("japan", "islands") match a third of all passages, but hardly any passage that lacks
/// every rarer word of the question reaches the share.
/// </summary>
internal static class CoverageMatch
{
    // Beyond this many alternatives a question is long and even; the plain alternative below is used instead.
    private const int MaxClauses = 32;

    // Coverage is compared after a division; erring low only adds candidates.
    private const double Tolerance = 1e-9;

    /// <summary>
    /// An expression matching every passage whose matched terms weigh at least <paramref name="share"/> of
    /// <paramref name="totalWeight"/>, or null when no passage can. A passage's matched weight reaches the share
    /// only if it holds all terms of one of the minimal term sets that reach it, so the expression is those sets,
    /// each AND-ed, OR-ed together; when there are too many, it is the OR of the heaviest terms that the rest cannot
    /// make up for. Either way every passage reaching the share matches; some that do not may match too.
    /// </summary>
    /// <param name="terms">Terms present in the index with their weights and document frequencies; any order.</param>
    /// <param name="totalWeight">The question's whole weight, terms the index lacks included.</param>
    /// <param name="share">The least coverage wanted, 0 to 1.</param>
    /// <param name="commonFrequency">
    /// Terms in more passages than this are left out of a set that has rarer terms (then the set matches more
    /// passages, never fewer): a conjunction advances through every term's postings, and a common term's are long.
    /// </param>
    public static CoverageExpression? Build(IReadOnlyList<MatchableTerm> terms, double totalWeight, double share, int commonFrequency = int.MaxValue)
    {
        var sorted = terms.Where(t => t.Weight > 0).OrderByDescending(t => t.Weight).ThenBy(t => t.Term, StringComparer.Ordinal).ToList();

        var target = share * totalWeight * (1 - Tolerance);
        var suffix = new double[sorted.Count + 1];
        for (var i = sorted.Count - 1; i >= 0; i--) suffix[i] = suffix[i + 1] + sorted[i].Weight;
        if (sorted.Count == 0 || suffix[0] < target) return null;

        var clauses = new List<int[]>();
        if (!Enumerate(sorted, suffix, target, 0, 0, new List<int>(), clauses))
        {
            var essential = Essential(sorted, suffix, target).Select(i => sorted[i]).ToList();
            return Any(essential);
        }

        clauses = Relax(clauses, sorted, commonFrequency);
        if (clauses.TrueForAll(c => c.Length == 1)) return Any(clauses.ConvertAll(c => sorted[c[0]]));
        var mostMatches = 0L;
        foreach (var clause in clauses) mostMatches += clause.Min(i => sorted[i].Frequency);
        var named = clauses.SelectMany(c => c).Distinct().Order().Select(i => sorted[i]).ToList();
        return new CoverageExpression(clauses.ConvertAll(c => Array.ConvertAll(c, i => sorted[i].Term)), mostMatches, named);
    }

    /// <summary>Every term OR-ed: any passage holding any of them; null for no terms.</summary>
    public static CoverageExpression? Any(IReadOnlyList<MatchableTerm> terms) =>
        terms.Count == 0
            ? null
            : new CoverageExpression(terms.Select(t => new[] { t.Term }).ToList(), terms.Sum(t => (long)t.Frequency), terms);

    // Depth-first over the terms, heaviest first: take or skip each; a set is complete as soon as it reaches the
    // target (so each is minimal), and a branch ends when the terms left cannot reach it. False when too many.
    private static bool Enumerate(List<MatchableTerm> sorted, double[] suffix, double target, int next, double sum, List<int> chosen, List<int[]> clauses)
    {
        for (var i = next; i < sorted.Count; i++)
        {
            if (sum + suffix[i] < target) return true;
            chosen.Add(i);
            var reached = sum + sorted[i].Weight;
            if (reached >= target)
            {
                if (clauses.Count == MaxClauses) return false;
                clauses.Add([.. chosen]);
            }
            else if (!Enumerate(sorted, suffix, target, i + 1, reached, chosen, clauses))
            {
                return false;
            }

            chosen.RemoveAt(chosen.Count - 1);
        }

        return true;
    }

    // Drops common terms from sets that keep a rarer one, then sets that hold another set (the other matches more).
    private static List<int[]> Relax(List<int[]> clauses, List<MatchableTerm> sorted, int commonFrequency)
    {
        var relaxed = new List<int[]>(clauses.Count);
        foreach (var clause in clauses)
        {
            var rare = Array.FindAll(clause, i => sorted[i].Frequency <= commonFrequency);
            relaxed.Add(rare.Length > 0 ? rare : clause);
        }

        relaxed.Sort((a, b) => a.Length.CompareTo(b.Length));
        var kept = new List<int[]>(relaxed.Count);
        foreach (var clause in relaxed)
        {
            if (!kept.Exists(k => k.All(clause.Contains))) kept.Add(clause);
        }

        return kept;
    }

    // The heaviest terms such that the lighter ones together fall short: a passage reaching the target holds one.
    private static IEnumerable<int> Essential(List<MatchableTerm> sorted, double[] suffix, double target)
    {
        for (var i = 0; i < sorted.Count && suffix[i] >= target; i++) yield return i;
    }
}
