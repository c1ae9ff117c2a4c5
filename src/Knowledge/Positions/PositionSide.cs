using System.Text.RegularExpressions;

namespace Kuril.Knowledge.Positions;

/// <summary>A party to the dispute and the patterns by which a passage states its position.</summary>
/// <param name="Id">Stable id, e.g. <c>japan</c>.</param>
/// <param name="Name">The name shown, e.g. <c>Japan</c>.</param>
/// <param name="Patterns">Case-insensitive patterns.</param>
public sealed record PositionSide(string Id, string Name, IReadOnlyList<Regex> Patterns)
{
    /// <summary>Words by which a question names the side ("Japan", "Tokyo"); its name when the rules give none.</summary>
    public IReadOnlyList<string> Names { get; init; } = [Name];

    /// <summary>How many of the side's patterns the text matches.</summary>
    public int Matches(string text) => Patterns.Count(p => p.IsMatch(text));
}
