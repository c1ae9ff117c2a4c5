namespace Kuril.Knowledge.Search;

/// <summary>A candidate passage's score and coverage, before its text is read.</summary>
internal readonly record struct Scored(long Id, double Score, double Coverage);
