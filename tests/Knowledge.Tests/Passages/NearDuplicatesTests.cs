using Kuril.Knowledge.Passages;

namespace Kuril.Knowledge.Tests.Passages;

/// <summary>
/// The near-duplicate pass on term lists: which passages it drops, on hand-made lists and against comparing every
/// pair on lists shaped like the generated bench corpus (template sentences with about half their words swapped).
/// </summary>
public sealed class NearDuplicatesTests
{
    private static readonly string[] Base = ["kuril", "island", "soviet", "occupi", "august", "1945", "japan", "claim", "southern", "territori"];

    [Fact]
    public void Drops_a_later_list_that_adds_one_term_to_an_earlier_one()
    {
        string[][] lists = [Base, ["yalta", "confer", "roosevelt", "stalin"], [.. Base, "still"]];

        Assert.Equal([false, false, true], NearDuplicates.Find(lists));
    }

    [Fact]
    public void Drops_a_repeat_with_the_terms_in_another_order_and_repeated()
    {
        string[][] lists = [Base, [.. Base.Reverse(), "japan", "kuril"]];

        Assert.Equal([false, true], NearDuplicates.Find(lists));
    }

    [Fact]
    public void Keeps_lists_that_share_most_terms_but_fall_below_the_threshold()
    {
        // 8 shared of 11 in all: 0.73.
        string[][] lists = [Base, [.. Base[..8], "treati", "peac", "talk"]];

        Assert.Equal([false, false], NearDuplicates.Find(lists));
    }

    [Fact]
    public void Keeps_lists_with_no_terms()
    {
        string[][] lists = [[], [], Base];

        Assert.Equal([false, false, false], NearDuplicates.Find(lists));
        Assert.Equal([false, false], NearDuplicates.Find([[], []]));
        Assert.Empty(NearDuplicates.Find([]));
    }

    [Fact]
    public void Judges_a_list_only_against_earlier_lists_that_were_kept()
    {
        // B repeats A with one term more (8 of 9); C repeats B with two more (9 of 11) but is too far from A (8 of 11).
        string[] a = [.. Base[..8]];
        string[] b = [.. a, "treati"];
        string[] c = [.. b, "peac", "talk"];
        string[][] lists = [a, b, c];

        Assert.True(Similarity(b, c) >= NearDuplicates.Similarity, "C is a near-duplicate of B");
        Assert.Equal([false, true, false], NearDuplicates.Find(lists));
    }

    [Fact]
    public void Agrees_with_comparing_every_pair_on_template_shaped_lists()
    {
        var lists = TemplateShapedLists(seed: 7, count: 3_000);

        var expected = EveryPair(lists);
        var found = NearDuplicates.Find(lists);

        Assert.InRange(expected.Count(d => d), 50, lists.Count / 2); // the lists hold near-duplicates to find
        Assert.Equal(expected, found);
    }

    [Fact]
    public void Finds_nothing_among_template_shaped_lists_without_repeats()
    {
        var lists = TemplateShapedLists(seed: 11, count: 3_000, repeats: false);

        Assert.DoesNotContain(true, EveryPair(lists));
        Assert.DoesNotContain(true, NearDuplicates.Find(lists));
    }

    // Lists drawn from 40 template lists of 12 to 30 terms, each template term kept with probability one half and the
    // rest drawn at random from 400 words (as the bench's generated corpus does with sentences); with repeats, one
    // list in five instead copies an earlier list with up to three terms added or removed.
    private static List<IReadOnlyList<string>> TemplateShapedLists(int seed, int count, bool repeats = true)
    {
        var random = new Random(seed);
        var vocabulary = Enumerable.Range(0, 400).Select(i => "w" + i).ToArray();
        var templates = Enumerable.Range(0, 40)
            .Select(_ => Enumerable.Range(0, random.Next(12, 31)).Select(_ => vocabulary[random.Next(vocabulary.Length)]).ToArray())
            .ToArray();
        var lists = new List<IReadOnlyList<string>>(count);
        while (lists.Count < count)
        {
            if (repeats && lists.Count > 0 && random.Next(5) == 0)
            {
                var copy = lists[random.Next(lists.Count)].ToList();
                for (var change = random.Next(4); change > 0; change--)
                {
                    if (random.Next(2) == 0 && copy.Count > 1) copy.RemoveAt(random.Next(copy.Count));
                    else copy.Add(vocabulary[random.Next(vocabulary.Length)]);
                }

                lists.Add(copy);
                continue;
            }

            var template = templates[random.Next(templates.Length)];
            lists.Add(template.Select(t => random.Next(2) == 0 ? t : vocabulary[random.Next(vocabulary.Length)]).ToList());
        }

        return lists;
    }

    // The definition, pair by pair: a near-duplicate of a kept earlier list shares one of four minimum hashes and
    // has Jaccard similarity ≥ 0.8.
    private static bool[] EveryPair(List<IReadOnlyList<string>> lists)
    {
        var sets = lists.Select(l => l.ToHashSet(StringComparer.Ordinal)).ToList();
        var minimums = sets.Select(MinHashes).ToList();
        var duplicate = new bool[lists.Count];
        for (var i = 0; i < lists.Count; i++)
        {
            for (var j = 0; j < i && !duplicate[i]; j++)
            {
                duplicate[i] = !duplicate[j]
                    && minimums[i].Zip(minimums[j]).Any(m => m.First == m.Second)
                    && Similarity(sets[i], sets[j]) >= NearDuplicates.Similarity;
            }
        }

        return duplicate;
    }

    private static double Similarity(IEnumerable<string> a, IEnumerable<string> b)
    {
        var x = a.ToHashSet(StringComparer.Ordinal);
        var y = b.ToHashSet(StringComparer.Ordinal);
        if (x.Count == 0 || y.Count == 0) return 0;
        var shared = x.Count(y.Contains);
        return (double)shared / (x.Count + y.Count - shared);
    }

    private static uint[] MinHashes(HashSet<string> terms) =>
        [.. Enumerable.Range(0, 4).Select(seed => terms.Select(t => Fnv(t, (uint)seed)).DefaultIfEmpty(uint.MaxValue).Min())];

    private static uint Fnv(string text, uint seed)
    {
        var hash = 2166136261u ^ (seed * 16777619u);
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return hash;
    }
}
