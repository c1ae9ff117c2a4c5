namespace Kuril.Bot.Replies.Discord;

/// <summary>
/// Discord's form of a follow-up: a button under an answer that opens a form (a modal) asking for the question. The
/// button carries no answer: the follow-up leans on the presser's own last question, whoever's answer it is under.
/// </summary>
public static class DiscordFollowUp
{
    /// <summary>The button's custom id; not a <see cref="ButtonToken"/>, so it is never taken for a press.</summary>
    public const string ButtonId = "kuril-followup";

    /// <summary>The button's label.</summary>
    public const string ButtonLabel = "Follow up";

    /// <summary>The form's custom id, which its submission carries back.</summary>
    public const string FormId = "kuril-followup-form";

    /// <summary>The custom id of the form's one text input.</summary>
    public const string InputId = "question";
}
