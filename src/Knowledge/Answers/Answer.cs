namespace Kuril.Knowledge.Answers;

/// <summary>The bot's answer to a question: cited excerpts, best first, or an abstention.</summary>
/// <param name="Question">The question as asked.</param>
/// <param name="Abstained">True when the sources do not cover the question; <see cref="Excerpts"/> is then empty.</param>
/// <param name="Excerpts">The excerpts of the requested page.</param>
/// <param name="TotalExcerpts">How many relevant excerpts there are in all, for paging.</param>
public sealed record Answer(string Question, bool Abstained, IReadOnlyList<Excerpt> Excerpts, int TotalExcerpts)
{
    /// <summary>Whether excerpts beyond this page exist.</summary>
    public bool HasMore => Excerpts.Count > 0 && Excerpts[^1].Rank < TotalExcerpts;

    /// <summary>Misspelled words the excerpts were found by correcting ("Showing results for …"); empty when none.</summary>
    public IReadOnlyList<Correction> Corrections { get; init; } = [];
}
