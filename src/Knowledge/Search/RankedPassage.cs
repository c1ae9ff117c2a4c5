using Kuril.Knowledge.Answers;

namespace Kuril.Knowledge.Search;

/// <summary>A passage ranked for a question.</summary>
/// <param name="Passage">The passage.</param>
/// <param name="Score">Its score for the question.</param>
/// <param name="Coverage">The share of the question's term weight the passage holds, 0 to 1.</param>
public sealed record RankedPassage(PassageRecord Passage, double Score, double Coverage);
