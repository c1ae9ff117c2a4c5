namespace Kuril.Knowledge.Index;

/// <summary>
/// The passages of a small index, kept in memory once read, with each term's passages: a question is then matched
/// without building Lucene queries, whose per-question set-up costs more than the whole match on a few hundred passages.
/// </summary>
internal sealed class ResidentPassages
{
    private readonly Dictionary<string, long[]> _postings;

    public ResidentPassages(Dictionary<long, ResidentPassage> passages)
    {
        ById = passages;
        var postings = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        foreach (var (id, passage) in passages.OrderBy(p => p.Key))
        {
            foreach (var term in passage.Terms.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal))
            {
                if (!postings.TryGetValue(term, out var ids)) postings[term] = ids = [];
                ids.Add(id);
            }
        }

        _postings = postings.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The passages by id.</summary>
    public Dictionary<long, ResidentPassage> ById { get; }

    /// <summary>Ids of passages matching an expression, in id order, at most <paramref name="limit"/>.</summary>
    public List<long> Matches(Search.CoverageExpression expression, int limit)
    {
        var matched = new HashSet<long>();
        foreach (var clause in expression.Clauses)
        {
            // Each clause is the intersection of its terms' passages, walked from the rarest term.
            var lists = new long[clause.Length][];
            var missing = false;
            for (var i = 0; i < clause.Length && !missing; i++) missing = !_postings.TryGetValue(clause[i], out lists[i]!);
            if (missing || lists.Length == 0) continue;
            Array.Sort(lists, (a, b) => a.Length.CompareTo(b.Length));
            foreach (var id in lists[0])
            {
                var inAll = true;
                for (var i = 1; i < lists.Length && inAll; i++) inAll = Array.BinarySearch(lists[i], id) >= 0;
                if (inAll) matched.Add(id);
            }
        }

        var ids = matched.ToList();
        ids.Sort();
        if (ids.Count > limit) ids.RemoveRange(limit, ids.Count - limit);
        return ids;
    }
}
