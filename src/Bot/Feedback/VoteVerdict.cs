namespace Kuril.Bot.Feedback;

/// <summary>What a feedback vote says.</summary>
public enum VoteVerdict
{
    /// <summary>The answer helped.</summary>
    Helpful,

    /// <summary>It did not.</summary>
    NotHelpful,
}
