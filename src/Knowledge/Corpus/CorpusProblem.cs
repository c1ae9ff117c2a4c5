namespace Kuril.Knowledge.Corpus;

/// <summary>A corpus file that was skipped, and why.</summary>
/// <param name="FileName">The file's name inside the corpus folder.</param>
/// <param name="Reason">Why it was skipped, in words an operator can act on.</param>
public sealed record CorpusProblem(string FileName, string Reason);
