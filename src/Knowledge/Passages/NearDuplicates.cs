using System.Numerics;
using System.Runtime.InteropServices;

namespace Kuril.Knowledge.Passages;

/// <summary>
/// Finds near-duplicate passages: two passages are near-duplicates when their term sets share at least one of
/// four minimum hashes and their Jaccard similarity (shared / union, in double) is at least
/// <see cref="Similarity"/>. A passage is a duplicate when it is a near-duplicate of an earlier passage that is not
/// itself a duplicate, so the first of a group stays.
/// </summary>
/// <remarks>
/// Which passages are compared is decided by keys that every near-duplicate pair is certain to share, so the
/// outcome is exactly that of comparing every pair. With every term set ordered by one global order (rarest term
/// first), two sets with Jaccard similarity ≥ t share a term among the first |x| − ⌊t·|x|⌋ + 1 terms of each
/// (prefix filtering); and a near-duplicate pair shares a minimum hash for some seed. So each passage has a key
/// (seed, its minimum hash for that seed, term) for each seed and each term of its prefix, and a near-duplicate pair
/// always has a key in common. Keying by prefix term alone gave lists of thousands of passages when no term of a
/// passage is really rare (as in generated text), and by minimum hash alone lists of every passage whose
/// lowest-hashing term is a common word. Even the pair of both gives lists that grow with the corpus (passages made
/// from one template sentence share words), so pairs are first compared by size and by a 64-bit term signature,
/// which rule out nearly every pair before any term is looked at; and a passage is compared only with the kept
/// passages sharing one of its keys, each at most once.
/// </remarks>
internal static class NearDuplicates
{
    /// <summary>The Jaccard similarity from which two passages' term sets count as near-duplicates.</summary>
    public const double Similarity = 0.8;

    private const int Seeds = 4;

    /// <summary>For each term list, whether it is a near-duplicate of an earlier list that was kept.</summary>
    public static bool[] Find(IReadOnlyList<IReadOnlyList<string>> termLists)
    {
        var (sets, termHashes) = RankedSets(termLists);
        var minimums = new uint[sets.Length * Seeds];
        var signatures = new ulong[sets.Length];
        Parallel.For(0, sets.Length, i =>
        {
            MinHashes(sets[i], termHashes, minimums.AsSpan(i * Seeds, Seeds));
            signatures[i] = Signature(sets[i]);
        });

        var (runsOf, runCount) = SharedKeys(sets, minimums);

        // In passage order, each passage is compared only with the kept passages filed under one of its keys: a
        // passage is a duplicate when a near-duplicate before it was kept. Comparing with kept ones only keeps text
        // that repeats one sentence thousands of times linear (collecting every near-duplicate pair first was
        // quadratic in time and memory: 5,200 copies of a sentence took 95 s and 5.7 GB).
        var kept = new List<int>?[runCount];
        var comparedWith = new int[sets.Length];
        Array.Fill(comparedWith, -1);
        var duplicate = new bool[sets.Length];
        for (var i = 0; i < sets.Length; i++)
        {
            var runs = runsOf[i];
            foreach (var run in runs)
            {
                if (kept[run] is not { } members) continue;
                foreach (var earlier in members)
                {
                    if (comparedWith[earlier] == i) continue;
                    comparedWith[earlier] = i;
                    if (MayBeSimilar(sets[i].Length, signatures[i], sets[earlier].Length, signatures[earlier])
                        && SharesMinHash(minimums.AsSpan(i * Seeds, Seeds), minimums.AsSpan(earlier * Seeds, Seeds))
                        && SimilarEnough(sets[i], sets[earlier]))
                    {
                        duplicate[i] = true;
                        break;
                    }
                }

                if (duplicate[i]) break;
            }

            if (duplicate[i]) continue;
            foreach (var run in runs) (kept[run] ??= []).Add(i);
        }

        return duplicate;
    }

    // For each passage, the runs it belongs to: each run is one key (seed, the seed's minimum hash, a prefix term)
    // that at least two passages are filed under; a key of one passage alone can pair it with nothing. One seed's
    // keys at a time, so only a quarter of them is held at once.
    private static (int[][] RunsOf, int RunCount) SharedKeys(int[][] sets, uint[] minimums)
    {
        var runsOf = new List<int>[sets.Length];
        for (var i = 0; i < sets.Length; i++) runsOf[i] = [];
        var runCount = 0;
        for (var seed = 0; seed < Seeds; seed++)
        {
            var keyed = Keyed(seed, sets, minimums);
            Array.Sort(keyed);
            var start = 0;
            while (start < keyed.Length)
            {
                var end = start + 1;
                while (end < keyed.Length && keyed[end].Key == keyed[start].Key) end++;
                if (end - start >= 2)
                {
                    for (var k = start; k < end; k++) runsOf[keyed[k].Passage].Add(runCount);
                    runCount++;
                }

                start = end;
            }
        }

        return (Array.ConvertAll(runsOf, runs => runs.ToArray()), runCount);
    }

    // Every passage once per term of its prefix, keyed by (the seed's minimum hash, term).
    private static KeyedPassage[] Keyed(int seed, int[][] sets, uint[] minimums)
    {
        var count = 0;
        foreach (var set in sets) count += PrefixLength(set.Length);
        var keyed = new KeyedPassage[count];
        var k = 0;
        for (var i = 0; i < sets.Length; i++)
        {
            var set = sets[i];
            var minimum = (ulong)minimums[(i * Seeds) + seed] << 32;
            for (var t = 0; t < PrefixLength(set.Length); t++)
            {
                keyed[k++] = new KeyedPassage(minimum | (uint)set[t], i);
            }
        }

        return keyed;
    }

    // Shared / union ≥ 0.8 holds, in double, exactly when 5·shared ≥ 4·union (a ratio of integers below 4/5 is below
    // it by at least 1/(5·union), far more than the rounding): so only when 5·smaller ≥ 4·larger, and when the terms
    // in one set only, |a| + |b| − 2·shared, number at most (|a| + |b|) / 9. Each bit set in one signature only
    // stands for at least one term in that set only, so more such bits than that rule the pair out.
    private static bool MayBeSimilar(int countA, ulong signatureA, int countB, ulong signatureB) =>
        5 * Math.Min(countA, countB) >= 4 * Math.Max(countA, countB)
        && 9 * BitOperations.PopCount(signatureA ^ signatureB) <= countA + countB;

    // One bit per term, by its rank.
    private static ulong Signature(int[] set)
    {
        var signature = 0UL;
        foreach (var term in set) signature |= 1UL << (int)(((uint)term * 2654435761u) >> 26);
        return signature;
    }

    // Each list's distinct terms as ranks in one global order, rarest first (ties by ordinal text), sorted; and each
    // rank's term hash per seed.
    private static (int[][] Sets, uint[] TermHashes) RankedSets(IReadOnlyList<IReadOnlyList<string>> termLists)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var terms = new List<string>();
        var frequency = new List<int>();
        var sets = new int[termLists.Count][];
        var distinct = new List<int>();
        for (var i = 0; i < termLists.Count; i++)
        {
            distinct.Clear();
            foreach (var term in termLists[i])
            {
                ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, term, out var exists);
                if (!exists)
                {
                    id = terms.Count;
                    terms.Add(term);
                    frequency.Add(0);
                }

                distinct.Add(id);
            }

            distinct.Sort();
            var count = 0;
            for (var k = 0; k < distinct.Count; k++)
            {
                if (k > 0 && distinct[k] == distinct[k - 1]) continue;
                distinct[count++] = distinct[k];
                frequency[distinct[k]]++;
            }

            sets[i] = distinct.GetRange(0, count).ToArray();
        }

        var byRank = Enumerable.Range(0, terms.Count).ToArray();
        Array.Sort(byRank, (a, b) => frequency[a] != frequency[b] ? frequency[a].CompareTo(frequency[b]) : string.CompareOrdinal(terms[a], terms[b]));
        var rankOf = new int[terms.Count];
        for (var rank = 0; rank < byRank.Length; rank++) rankOf[byRank[rank]] = rank;

        var termHashes = new uint[terms.Count * Seeds];
        Parallel.For(0, byRank.Length, rank =>
        {
            for (var seed = 0; seed < Seeds; seed++) termHashes[(rank * Seeds) + seed] = Fnv(terms[byRank[rank]], (uint)seed);
        });
        Parallel.For(0, sets.Length, i =>
        {
            var set = sets[i];
            for (var k = 0; k < set.Length; k++) set[k] = rankOf[set[k]];
            Array.Sort(set);
        });
        return (sets, termHashes);
    }

    // At least |x| − ⌈t·|x|⌉ + 1 terms, the length prefix filtering needs; a longer prefix only finds more candidates.
    private static int PrefixLength(int count) => Math.Min(count, count - (int)Math.Floor(Similarity * count) + 1);

    private static void MinHashes(int[] set, uint[] termHashes, Span<uint> minimums)
    {
        minimums.Fill(uint.MaxValue);
        foreach (var term in set)
        {
            for (var seed = 0; seed < Seeds; seed++)
            {
                var hash = termHashes[(term * Seeds) + seed];
                if (hash < minimums[seed]) minimums[seed] = hash;
            }
        }
    }

    private static bool SharesMinHash(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        for (var seed = 0; seed < Seeds; seed++)
        {
            if (a[seed] == b[seed]) return true;
        }

        return false;
    }

    // Whether the sets' Jaccard similarity (shared / union, in double) reaches Similarity, exactly as computing it
    // would say, but counting shared terms only until the answer is known. Both sets are sorted.
    private static bool SimilarEnough(int[] a, int[] b)
    {
        if (a.Length == 0 || b.Length == 0) return false;

        // The fewest shared terms that reach the threshold; similarity grows with every shared term.
        var small = Math.Min(a.Length, b.Length);
        var needed = 0;
        while (needed <= small && (double)needed / (a.Length + b.Length - needed) < Similarity) needed++;
        if (needed > small) return false;
        int shared = 0, x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            // Not enough terms left on either side to reach the count.
            if (shared + Math.Min(a.Length - x, b.Length - y) < needed) return false;
            if (a[x] == b[y])
            {
                if (++shared >= needed) return true;
                x++;
                y++;
            }
            else if (a[x] < b[y])
            {
                x++;
            }
            else
            {
                y++;
            }
        }

        return shared >= needed;
    }

    private static uint Fnv(string text, uint seed)
    {
        var hash = 2166136261u ^ (seed * 16777619u);
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
