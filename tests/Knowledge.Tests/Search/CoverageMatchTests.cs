using Kuril.Knowledge.Search;

namespace Kuril.Knowledge.Tests.Search;

/// <summary>The query for "passages covering a share of the question" leaves out no such passage.</summary>
public sealed class CoverageMatchTests
{
    public static TheoryData<double[], double> WeightsAndShares => new()
    {
        { [7.8, 3.0, 1.0, 0.7, 0.7], 0.4 },
        { [7.8, 3.0, 1.0, 0.7, 0.7], 0.2 },
        { [3.78, 2.81, 2.56, 2.55, 1.58, 1.28], 0.4 },
        { [3.78, 2.81, 2.56, 2.55, 1.58, 1.28], 0.6 },
        { [3.78, 2.81, 2.56, 2.55, 1.58, 1.28], 0.8 },
        { [3.78, 2.81, 2.56, 2.55, 1.58, 1.28], 1.0 },
        { [2.0, 2.0, 2.0, 2.0, 2.0], 0.5 },
        { [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0], 0.5 }, // too many sets: plain OR
    };

    [Theory]
    [MemberData(nameof(WeightsAndShares))]
    public void Every_passage_covering_the_share_matches(double[] weights, double share)
    {
        var terms = Terms(weights);
        var expression = CoverageMatch.Build(terms, weights.Sum(), share);

        Assert.NotNull(expression);
        foreach (var held in Subsets(terms.Count))
        {
            var covered = held.Sum(i => weights[i]) / weights.Sum();
            if (covered >= share) Assert.True(Matches(expression, held.Select(i => terms[i].Term)), $"{string.Join(' ', held)} covers {covered:0.00}");
        }
    }

    [Theory]
    [MemberData(nameof(WeightsAndShares))]
    public void Every_passage_covering_the_share_matches_with_common_terms_left_out(double[] weights, double share)
    {
        var terms = Terms(weights, commonFrom: 3);
        var expression = CoverageMatch.Build(terms, weights.Sum(), share, commonFrequency: 1000);

        Assert.NotNull(expression);
        foreach (var held in Subsets(terms.Count))
        {
            if (held.Sum(i => weights[i]) / weights.Sum() >= share) Assert.True(Matches(expression, held.Select(i => terms[i].Term)));
        }
    }

    [Fact]
    public void Passages_short_of_the_share_do_not_match_when_sets_are_few()
    {
        double[] weights = [3.78, 2.81, 2.56, 2.55, 1.58, 1.28];
        var terms = Terms(weights);
        var expression = CoverageMatch.Build(terms, weights.Sum(), 0.6);

        Assert.NotNull(expression);
        foreach (var held in Subsets(terms.Count))
        {
            if (held.Sum(i => weights[i]) / weights.Sum() < 0.6) Assert.False(Matches(expression, held.Select(i => terms[i].Term)));
        }
    }

    [Fact]
    public void A_rare_term_alone_matches_when_the_others_together_fall_short()
    {
        var terms = Terms([7.8, 1.0, 0.7, 0.7]);

        var expression = CoverageMatch.Build(terms, 10.2, 0.4);

        Assert.NotNull(expression);
        Assert.True(Matches(expression, ["t0"]));
        Assert.False(Matches(expression, ["t1", "t2", "t3"]));
    }

    [Fact]
    public void Common_terms_are_left_out_of_sets_that_hold_a_rarer_one()
    {
        var terms = Terms([3.0, 3.0, 1.0, 1.0], commonFrom: 2);

        var expression = CoverageMatch.Build(terms, 8.0, 0.8, commonFrequency: 1000);

        Assert.NotNull(expression);
        Assert.DoesNotContain("t2", expression.Clauses.SelectMany(c => c));
        Assert.DoesNotContain("t3", expression.Clauses.SelectMany(c => c));
        Assert.True(Matches(expression, ["t0", "t1"]));
    }

    [Fact]
    public void No_expression_when_the_index_lacks_too_much_of_the_question()
    {
        // Words the index lacks count in the question's weight but no passage can hold them.
        var terms = Terms([1.0, 1.0]);

        Assert.Null(CoverageMatch.Build(terms, 10.0, 0.4));
    }

    [Fact]
    public void Any_term_matches_a_plain_alternative()
    {
        var expression = CoverageMatch.Any(Terms([1.0, 2.0]));

        Assert.NotNull(expression);
        Assert.Equal([["t0"], ["t1"]], expression.Clauses);
        Assert.Equal(2, expression.Terms.Count);
    }

    // Terms t0, t1, …; from index commonFrom on they are in 5,000 passages, the others in 100.
    private static List<MatchableTerm> Terms(double[] weights, int commonFrom = int.MaxValue) =>
        weights.Select((w, i) => new MatchableTerm("t" + i, w, i >= commonFrom ? 5_000 : 100)).ToList();

    private static IEnumerable<List<int>> Subsets(int count)
    {
        for (var mask = 1; mask < 1 << count; mask++)
        {
            yield return Enumerable.Range(0, count).Where(i => (mask & (1 << i)) != 0).ToList();
        }
    }

    private static bool Matches(CoverageExpression expression, IEnumerable<string> held) =>
        expression.Matches(held.ToHashSet(StringComparer.Ordinal));
}
