namespace Kuril.Knowledge.Search;

/// <summary>A question made ready for scoring.</summary>
/// <param name="Weights">The weight of each question term, by its number in <paramref name="Ids"/>.</param>
/// <param name="TotalWeight">The summed weights, terms absent from the index included.</param>
/// <param name="Matchable">The terms present in the index, with their weights and frequencies.</param>
/// <param name="Ids">A number per word scored: question terms first, then words found only in word pairs.</param>
/// <param name="Pairs">The question's neighbouring word pairs, by number.</param>
/// <param name="LengthMask">A bit per length of the words scored (bit 63 for 63 and longer).</param>
/// <param name="Corrections">Misspelled words searched as the words they stand for.</param>
/// <param name="Required">Sets of word numbers of which a passage must hold one each to answer the question.</param>
/// <param name="Excluded">The number of a word no passage answering the question may hold, or -1.</param>
/// <param name="Unknown">A word of the question that names something the sources never mention, or null.</param>
/// <param name="OwnTerms">How many of the first <paramref name="Weights"/> are the question's own; the rest come from an earlier question.</param>
/// <param name="OwnWeight">The summed weights of the question's own terms.</param>
internal sealed record Query(
    double[] Weights,
    double TotalWeight,
    IReadOnlyList<MatchableTerm> Matchable,
    Dictionary<string, int> Ids,
    List<(int First, int Second)> Pairs,
    ulong LengthMask,
    IReadOnlyList<Answers.Correction> Corrections,
    List<int[]> Required,
    int Excluded,
    string? Unknown,
    int OwnTerms,
    double OwnWeight)
{
    /// <summary>The bit of <see cref="LengthMask"/> for a word of this length.</summary>
    // Most of a passage's terms are not the question's; a term of a length no question word has is not looked up.
    public static ulong LengthBit(int length) => 1UL << Math.Min(length, 63);
}
