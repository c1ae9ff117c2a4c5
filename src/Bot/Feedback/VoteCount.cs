namespace Kuril.Bot.Feedback;

/// <summary>Feedback votes on answers that quoted a document.</summary>
/// <param name="Helpful">"Helpful" votes.</param>
/// <param name="NotHelpful">"Not helpful" votes.</param>
public readonly record struct VoteCount(int Helpful, int NotHelpful)
{
    /// <summary>All votes.</summary>
    public int Total => Helpful + NotHelpful;
}
