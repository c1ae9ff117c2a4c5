using Kuril.Bot.Commands;

namespace Kuril.Bot.Conversations;

/// <summary>One platform's questions and votes over a period.</summary>
/// <param name="Platform">The platform.</param>
/// <param name="Asked">Questions asked (follow-ups included).</param>
/// <param name="Answered">Those answered with excerpts.</param>
/// <param name="Abstained">Those the sources could not answer.</param>
/// <param name="Unanswered">The abstained questions asked most often, most first.</param>
/// <param name="VotedDown">The excerpts voted "Not helpful" most often, most first.</param>
public sealed record PlatformStats(Platform Platform, int Asked, int Answered, int Abstained, IReadOnlyList<CountedQuestion> Unanswered, IReadOnlyList<VotedDownExcerpt> VotedDown)
{
    /// <summary>The answered share, 0 to 1 (0 when nothing was asked).</summary>
    public double AnsweredShare => Asked == 0 ? 0 : Math.Round((double)Answered / Asked, 4);

    /// <summary>The abstained share, 0 to 1 (0 when nothing was asked).</summary>
    public double AbstainedShare => Asked == 0 ? 0 : Math.Round((double)Abstained / Asked, 4);
}
