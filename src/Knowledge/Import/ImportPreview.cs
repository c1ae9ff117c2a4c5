using Kuril.Knowledge.Passages;

namespace Kuril.Knowledge.Import;

/// <summary>What a draft would add to the corpus, cleaned exactly as the index cleans it.</summary>
/// <param name="Passages">The passages it would add, in order.</param>
/// <param name="Dropped">Its text the cleaning drops: page furniture, fragments, off-topic sentences, duplicates.</param>
/// <param name="DuplicatePassages">Its passages that repeat (or nearly repeat) a passage already in the corpus.</param>
/// <param name="DuplicateOf">The existing document it repeats most, when it is a duplicate; else null.</param>
public sealed record ImportPreview(IReadOnlyList<string> Passages, IReadOnlyList<DroppedText> Dropped, int DuplicatePassages, string? DuplicateOf)
{
    /// <summary>Every passage of the draft repeats one already in the corpus.</summary>
    public bool IsExactDuplicate => DuplicatePassages > 0 && Passages.Count == 0;

    /// <summary>Half or more of the draft's passages repeat ones already in the corpus (an exact duplicate included).</summary>
    public bool IsNearDuplicate => DuplicatePassages > 0 && DuplicatePassages * 2 >= DuplicatePassages + Passages.Count;

    /// <summary>The text to write: one passage a paragraph, so that indexing the file yields the same passages.</summary>
    public string Body => string.Join("\n\n", Passages);
}
