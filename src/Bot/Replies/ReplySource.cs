namespace Kuril.Bot.Replies;

/// <summary>A document in a reply's source list.</summary>
/// <param name="Title">Its title.</param>
/// <param name="Details">Publisher, date, counts: one line of plain text.</param>
/// <param name="Url">Where it can be read, where known.</param>
public sealed record ReplySource(string Title, string Details, Uri? Url);
