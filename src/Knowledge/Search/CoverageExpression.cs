namespace Kuril.Knowledge.Search;

/// <summary>Passages covering a share of a question (see <see cref="CoverageMatch"/>): any of the clauses, each all of its terms.</summary>
/// <param name="Clauses">Sets of index terms; a passage matches when it holds every term of one set.</param>
/// <param name="MostMatches">At least as many passages as it matches, from the terms' document frequencies.</param>
/// <param name="Terms">The terms it names.</param>
internal sealed record CoverageExpression(IReadOnlyList<string[]> Clauses, long MostMatches, IReadOnlyList<MatchableTerm> Terms)
{
    /// <summary>Whether a passage holding <paramref name="terms"/> matches.</summary>
    public bool Matches(IReadOnlySet<string> terms) => Clauses.Any(c => c.All(terms.Contains));

    /// <summary>Whether two expressions match the same passages because they name the same sets.</summary>
    public bool SameAs(CoverageExpression? other) =>
        other is not null && other.Clauses.Count == Clauses.Count && Clauses.Zip(other.Clauses).All(p => p.First.SequenceEqual(p.Second, StringComparer.Ordinal));
}
