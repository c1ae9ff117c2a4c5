namespace Kuril.Bot.Replies;

/// <summary>A numbered excerpt: a quotation from a document, or one of the project's own summaries with its sources.</summary>
/// <param name="Number">Its number, shown as <c>[n]</c>.</param>
/// <param name="Text">The quoted text.</param>
/// <param name="Citation">Where it comes from, on one line.</param>
/// <param name="Label">An optional tag shown before the quote, e.g. whose position it states.</param>
public sealed record ReplyExcerpt(int Number, string Text, string Citation, string? Label = null)
{
    /// <summary>Stretches of <see cref="Text"/> to show in bold: the words that matched the question.</summary>
    public IReadOnlyList<Kuril.Knowledge.Answers.TextSpan> Highlights { get; init; } = [];

    /// <summary>False for the project's own summaries (timeline events, notes): renderers show them unquoted.</summary>
    public bool IsQuotation { get; init; } = true;

    /// <summary>What attests a summary, listed under it: a document passage, or a public reference with its address.</summary>
    public IReadOnlyList<ReplySource> Sources { get; init; } = [];

    /// <summary>
    /// Where the quoted passage can be read in its document, on the bot's site (<c>Web:PublicUrl</c>); null when the
    /// site is off or the excerpt has no page of its own. Renderers link the citation to it.
    /// </summary>
    public Uri? Link { get; init; }
}
