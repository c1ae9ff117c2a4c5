namespace Kuril.Knowledge.Text;

/// <summary>A run of letters or digits in folded text.</summary>
/// <param name="Value">The folded token.</param>
/// <param name="Start">Offset of the token in the folded text.</param>
/// <param name="Script">The token's writing system.</param>
public readonly record struct Token(string Value, int Start, TokenScript Script)
{
    /// <summary>Offset just past the token in the folded text.</summary>
    public int End => Start + Value.Length;
}
