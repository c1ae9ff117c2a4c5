namespace Kuril.Knowledge.Aliases;

/// <summary>A name from the alias table found in folded text.</summary>
/// <param name="Group">The group the name belongs to.</param>
/// <param name="Start">Offset of the match in the folded text.</param>
/// <param name="End">Offset just past the match.</param>
public readonly record struct AliasMatch(AliasGroup Group, int Start, int End)
{
    /// <summary>Whether the match covers the offset.</summary>
    public bool Covers(int offset) => offset >= Start && offset < End;
}
