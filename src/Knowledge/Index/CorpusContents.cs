using Kuril.Knowledge.Corpus;

namespace Kuril.Knowledge.Index;

/// <summary>What an index was built from: the corpus documents' ids and the files skipped, with why.</summary>
/// <param name="DocumentIds">The ids of the corpus's documents (not the timeline's or the notes' pseudo-documents).</param>
/// <param name="Problems">The document files skipped.</param>
public sealed record CorpusContents(IReadOnlyList<string> DocumentIds, IReadOnlyList<CorpusProblem> Problems);
