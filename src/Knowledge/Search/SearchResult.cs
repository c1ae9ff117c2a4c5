namespace Kuril.Knowledge.Search;

/// <summary>Passages ranked for a question, or an abstention.</summary>
/// <param name="Ranked">Relevant passages, best first; empty when abstaining.</param>
/// <param name="Abstained">Whether the corpus does not cover the question.</param>
/// <param name="BestCoverage">
/// The coverage of the best candidate, relevant or not (for calibration). Only passages that could make the question
/// answerable are examined, so when it is abstained on, this is 0 or the best of those (use
/// <see cref="PassageSearcher.Rank"/> to see every candidate).
/// </param>
public sealed record SearchResult(IReadOnlyList<RankedPassage> Ranked, bool Abstained, double BestCoverage)
{
    /// <summary>Misspelled question words that were searched as the words they stand for.</summary>
    public IReadOnlyList<Answers.Correction> Corrections { get; init; } = [];

    /// <summary>The question's index terms that the index holds (after corrections), for highlighting.</summary>
    public IReadOnlySet<string> Terms { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
