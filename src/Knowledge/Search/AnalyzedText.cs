using Kuril.Knowledge.Aliases;

namespace Kuril.Knowledge.Search;

/// <summary>Text after folding, tokenizing and alias matching.</summary>
/// <param name="Folded">The folded text.</param>
/// <param name="Words">Content words, in order.</param>
/// <param name="Aliases">Alias names found, in order.</param>
public sealed record AnalyzedText(string Folded, IReadOnlyList<AnalyzedWord> Words, IReadOnlyList<AliasMatch> Aliases)
{
    /// <summary>For a question asking for one side's argument, the term of passages stating that side's position.</summary>
    public string? AskedStance { get; init; }
}
