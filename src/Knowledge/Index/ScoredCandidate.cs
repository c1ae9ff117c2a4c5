using Kuril.Knowledge.Answers;

namespace Kuril.Knowledge.Index;

/// <summary>A passage that shares at least one term with a query, with its terms for scoring.</summary>
internal sealed record ScoredCandidate(PassageRecord Passage, string[] Terms);
