using Kuril.Knowledge.Index;

namespace Kuril.Knowledge.Search;

/// <summary>
/// BM25 over a passage's stored terms, scaled by the share of the question's weight the passage covers and raised
/// for the question's word pairs found side by side.
/// </summary>
internal static class CandidateScorer
{
    // A passage holding the question's words side by side, as a phrase, ranks up to this much higher.
    private const double PhraseBoost = 0.5;
    private const double K1 = 1.2;
    private const double B = 0.3; // passages are short; a rejoined footnote should not sink its sentence

    /// <summary>One term's BM25 share in a passage of <paramref name="length"/> terms.</summary>
    public static double Bm25(double weight, int tf, int length, double averageLength) =>
        weight * tf * (K1 + 1) / (tf + (K1 * (1 - B + (B * length / averageLength))));

    /// <summary>Scores the candidates not scored yet that can answer the query, into <paramref name="scored"/>.</summary>
    public static void Score(Query query, List<CandidateTerms> candidates, double averageLength, Dictionary<long, Scored> scored)
    {
        var lookup = query.Ids.GetAlternateLookup<ReadOnlySpan<char>>();
        var termCount = query.Weights.Length;
        Span<int> tf = stackalloc int[query.Ids.Count];
        Span<bool> pairFound = stackalloc bool[query.Pairs.Count];
        scored.EnsureCapacity(scored.Count + candidates.Count);
        foreach (var candidate in candidates)
        {
            if (scored.ContainsKey(candidate.Id)) continue;
            tf.Clear();
            pairFound.Clear();
            var terms = candidate.Terms.AsSpan();
            var length = 0;
            var previous = -1;
            while (true)
            {
                // Terms are stored space-separated; each piece counts towards the length, as splitting would.
                var space = terms.IndexOf(' ');
                var piece = space < 0 ? terms : terms[..space];
                length++;
                var id = (query.LengthMask & Query.LengthBit(piece.Length)) != 0 && lookup.TryGetValue(piece, out var found) ? found : -1;
                if (id >= 0) tf[id]++;
                if (id >= 0 && previous >= 0) MarkPair(query.Pairs, previous, id, pairFound);
                previous = id;
                if (space < 0) break;
                terms = terms[(space + 1)..];
            }

            if (!Answers(query, tf)) continue;
            double bm25 = 0.0, matched = 0.0, ownBm25 = 0.0, ownMatched = 0.0;
            for (var i = 0; i < termCount; i++)
            {
                if (tf[i] == 0) continue;
                var weight = query.Weights[i];
                var term = Bm25(weight, tf[i], length, averageLength);
                matched += weight;
                bm25 += term;
                if (i >= query.OwnTerms) continue;
                ownMatched += weight;
                ownBm25 += term;
            }

            var coverage = matched / query.TotalWeight;
            var ownCoverage = query.OwnWeight > 0 ? ownMatched / query.OwnWeight : 0;
            var boost = 1 + (PhraseBoost * (query.Pairs.Count == 0 ? 0 : (double)Count(pairFound) / query.Pairs.Count));
            scored[candidate.Id] = new Scored(candidate.Id, bm25 * coverage * boost, coverage, ownBm25 * ownCoverage * boost, ownCoverage);
        }
    }

    private static bool Answers(Query query, ReadOnlySpan<int> tf)
    {
        if (query.Excluded >= 0 && tf[query.Excluded] > 0) return false;
        foreach (var alternatives in query.Required)
        {
            var held = false;
            foreach (var id in alternatives) held |= tf[id] > 0;
            if (!held) return false;
        }

        return true;
    }

    private static void MarkPair(List<(int First, int Second)> pairs, int first, int second, Span<bool> found)
    {
        for (var i = 0; i < pairs.Count; i++)
        {
            if (pairs[i].First == first && pairs[i].Second == second) found[i] = true;
        }
    }

    private static int Count(Span<bool> flags)
    {
        var count = 0;
        foreach (var flag in flags)
        {
            if (flag) count++;
        }

        return count;
    }
}
