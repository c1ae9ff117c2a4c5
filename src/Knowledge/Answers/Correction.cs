namespace Kuril.Knowledge.Answers;

/// <summary>A question word the index lacks, searched as a word it holds that is spelled nearly the same.</summary>
/// <param name="Written">The word as written (folded).</param>
/// <param name="Corrected">The word searched instead, as shown to users ("Showing results for …").</param>
public sealed record Correction(string Written, string Corrected);
