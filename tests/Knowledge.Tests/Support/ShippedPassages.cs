using Kuril.Knowledge.Corpus;
using Kuril.Knowledge.Passages;

namespace Kuril.Knowledge.Tests.Support;

/// <summary>The passages of the repository's corpus, built once.</summary>
internal static class ShippedPassages
{
    private static readonly Lazy<PassageSet> Set = new(() =>
        new PassageBuilder(KnowledgeResources.Load(RepoPaths.Corpus)).Build(CorpusReader.Read(RepoPaths.Corpus).Documents));

    public static PassageSet All => Set.Value;

    public static IReadOnlyList<Passage> Passages => Set.Value.Passages;
}
