namespace Kuril.Knowledge.Passages;

/// <summary>A passage filed under one near-duplicate key; sorted by key, then passage, so a key's passages lie together.</summary>
internal readonly record struct KeyedPassage(ulong Key, int Passage) : IComparable<KeyedPassage>
{
    public int CompareTo(KeyedPassage other) =>
        Key != other.Key ? Key.CompareTo(other.Key) : Passage.CompareTo(other.Passage);
}
