namespace Kuril.Knowledge.Search;

/// <summary>A candidate passage's score and coverage, before its text is read.</summary>
/// <param name="Id">The passage.</param>
/// <param name="Score">Its score for the question, an earlier question's terms included.</param>
/// <param name="Coverage">The share of the question's weight it holds, an earlier question's terms included.</param>
/// <param name="OwnScore">Its score for the question's own terms alone (the same as <paramref name="Score"/> without an earlier question).</param>
/// <param name="OwnCoverage">The share of the question's own weight it holds.</param>
internal readonly record struct Scored(long Id, double Score, double Coverage, double OwnScore, double OwnCoverage);
