namespace Kuril.Bot.Replies;

/// <summary>What a button does.</summary>
public enum ButtonAction
{
    /// <summary>The next page of excerpts for the same question.</summary>
    More,

    /// <summary>A cited passage with the passages around it.</summary>
    Context,

    /// <summary>Feedback: the answer helped.</summary>
    Helpful,

    /// <summary>Feedback: the answer did not help.</summary>
    NotHelpful,
}
