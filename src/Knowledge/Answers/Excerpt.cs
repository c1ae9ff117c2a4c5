using Kuril.Knowledge.Timeline;

namespace Kuril.Knowledge.Answers;

/// <summary>A passage in an answer: a quotation from a document, or one of the project's own summaries.</summary>
/// <param name="Rank">Its rank among all the answer's excerpts, from 1.</param>
/// <param name="Text">The passage as quoted.</param>
/// <param name="Citation">Where it comes from.</param>
/// <param name="Score">How well it matches the question; comparable only within one answer.</param>
public sealed record Excerpt(int Rank, string Text, Citation Citation, double Score)
{
    /// <summary>The words of <see cref="Text"/> that matched the question (after stemming, aliases and corrections), in order, not overlapping.</summary>
    public IReadOnlyList<TextSpan> Highlights { get; init; } = [];

    /// <summary>Whether it quotes a document or is a timeline event or note in the project's own words.</summary>
    public ExcerptKind Kind { get; init; }

    /// <summary>For a timeline event or a note: the corpus passages and public references that attest it.</summary>
    public IReadOnlyList<TimelineSource> Sources { get; init; } = [];
}
