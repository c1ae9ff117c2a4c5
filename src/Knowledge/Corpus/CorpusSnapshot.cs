namespace Kuril.Knowledge.Corpus;

/// <summary>The readable documents of the corpus folder at one moment, and the files that were skipped.</summary>
/// <param name="Documents">Documents, ordered by id.</param>
/// <param name="Problems">Files that were skipped, with the reason.</param>
public sealed record CorpusSnapshot(IReadOnlyList<CorpusDocument> Documents, IReadOnlyList<CorpusProblem> Problems);
