namespace Kuril.Knowledge.Search;

/// <summary>A question term the index holds.</summary>
/// <param name="Term">The index term.</param>
/// <param name="Weight">Its weight (IDF).</param>
/// <param name="Frequency">How many passages hold it.</param>
internal readonly record struct MatchableTerm(string Term, double Weight, int Frequency);
