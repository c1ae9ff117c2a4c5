namespace Kuril.Bot.Replies;

/// <summary>
/// What the bot says, independent of any platform: a title, paragraphs, numbered quoted excerpts, a source list and
/// buttons. Every string in it is plain text (user or corpus text included); renderers escape it for their markup.
/// </summary>
/// <param name="Title">A short heading.</param>
public sealed record Reply(string Title)
{
    /// <summary>Plain paragraphs, shown before the excerpts.</summary>
    public IReadOnlyList<string> Paragraphs { get; init; } = [];

    /// <summary>Quoted excerpts, shown as <c>[n] "…"</c> with their citation.</summary>
    public IReadOnlyList<ReplyExcerpt> Excerpts { get; init; } = [];

    /// <summary>The documents quoted or listed.</summary>
    public IReadOnlyList<ReplySource> Sources { get; init; } = [];

    /// <summary>Buttons, in order.</summary>
    public IReadOnlyList<ReplyButton> Buttons { get; init; } = [];

    /// <summary>
    /// Whether only the requester needs to see it (errors, hints, statuses): platforms that can show a reply to one
    /// person (Discord's ephemeral messages) do so, so a channel is not cluttered with them.
    /// </summary>
    public bool ForRequesterOnly { get; init; }

    /// <summary>
    /// Whether the reply answers a question the asker may follow up on (<c>/kuril followup</c>); each platform offers
    /// that in its own way (Discord: a "Follow up" button opening a form).
    /// </summary>
    public bool CanFollowUp { get; init; }

    /// <summary>
    /// Whether it repeats a notice the requester was just given (a second "slow down" in the same wait): a platform
    /// where a reply costs a message in the chat leaves it unsent, so a flood is answered once, not once per message;
    /// one where every request must be answered (a Discord interaction) still shows it, privately.
    /// </summary>
    public bool RepeatsANotice { get; init; }

    /// <summary>A reply that is only a message for the requester: an error, a validation hint or a status.</summary>
    public static Reply Message(string title, params string[] paragraphs) => new(title) { Paragraphs = paragraphs, ForRequesterOnly = true };
}
