namespace Kuril.Knowledge.Search;

/// <summary>An FTS5 match expression for passages covering a share of a question (see <see cref="CoverageMatch"/>).</summary>
/// <param name="Match">The expression.</param>
/// <param name="MostMatches">At least as many passages as it matches, from the terms' document frequencies.</param>
/// <param name="Terms">The terms it names.</param>
internal sealed record CoverageExpression(string Match, long MostMatches, IReadOnlyList<MatchableTerm> Terms);
