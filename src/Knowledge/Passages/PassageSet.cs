namespace Kuril.Knowledge.Passages;

/// <summary>The passages of a corpus, and the text kept out of them.</summary>
/// <param name="Passages">Passages in document order.</param>
/// <param name="Dropped">Sentences dropped as debris or duplicates.</param>
public sealed record PassageSet(IReadOnlyList<Passage> Passages, IReadOnlyList<DroppedText> Dropped);
