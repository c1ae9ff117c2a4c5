namespace Kuril.Knowledge.Answers;

/// <summary>A stretch of an excerpt's text.</summary>
/// <param name="Start">Offset of its first character in the text.</param>
/// <param name="Length">Its length in characters.</param>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>Offset just past it.</summary>
    public int End => Start + Length;
}
