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

    /// <summary>A reply that is only a message, e.g. an error or a validation hint.</summary>
    public static Reply Message(string title, params string[] paragraphs) => new(title) { Paragraphs = paragraphs };
}
