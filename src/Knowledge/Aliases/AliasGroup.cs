namespace Kuril.Knowledge.Aliases;

/// <summary>One place or party and every name it goes by.</summary>
/// <param name="Id">Stable id, e.g. <c>etorofu</c>.</param>
/// <param name="Names">Every name, the one shown to users first.</param>
public sealed record AliasGroup(string Id, IReadOnlyList<string> Names)
{
    /// <summary>
    /// For a treaty, declaration, conference or event (<c>events.yaml</c>): the year it happened, so that a question
    /// naming it also finds what is dated that year, whatever it calls the event.
    /// </summary>
    public int? Year { get; init; }

    /// <summary>The name shown to users.</summary>
    public string DisplayName => Names[0];

    /// <summary>The index term that stands for the group, whichever name a text uses.</summary>
    public string Term { get; } = "zq" + new string(Id.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
}
