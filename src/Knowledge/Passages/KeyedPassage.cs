namespace Kuril.Knowledge.Passages;

/// <summary>
/// A passage filed under one near-duplicate key, with what rules most comparisons out (its term count and
/// signature) beside it, so that a run of one key is compared in contiguous memory. Sorted by key, then passage.
/// </summary>
internal readonly record struct KeyedPassage(ulong Key, int Passage, ulong Signature, int Count) : IComparable<KeyedPassage>
{
    public int CompareTo(KeyedPassage other) =>
        Key != other.Key ? Key.CompareTo(other.Key) : Passage.CompareTo(other.Passage);
}
