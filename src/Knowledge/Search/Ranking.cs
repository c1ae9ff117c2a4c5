namespace Kuril.Knowledge.Search;

/// <summary>Every candidate passage for a question, best first.</summary>
/// <param name="Passages">Candidates, best first.</param>
/// <param name="QueryWeight">The summed IDF weight of the question's terms.</param>
public sealed record Ranking(IReadOnlyList<RankedPassage> Passages, double QueryWeight);
