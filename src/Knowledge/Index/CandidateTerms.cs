namespace Kuril.Knowledge.Index;

/// <summary>A passage that may answer a query: its id and its index terms, space-separated, for scoring.</summary>
internal readonly record struct CandidateTerms(long Id, string Terms);
