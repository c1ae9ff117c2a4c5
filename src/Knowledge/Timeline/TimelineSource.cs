namespace Kuril.Knowledge.Timeline;

/// <summary>
/// Where a timeline event or a reference note is attested: a passage of a corpus document (its id and the exact text), a public reference
/// (title and address), or both.
/// </summary>
/// <param name="DocumentId">The corpus document's id (its file name without extension), when a passage is cited.</param>
/// <param name="Excerpt">Text that occurs verbatim in that document's body.</param>
/// <param name="Title">The public reference's title.</param>
/// <param name="Url">The public reference's absolute address.</param>
public sealed record TimelineSource(string? DocumentId, string? Excerpt, string? Title, Uri? Url)
{
    /// <summary>Whether a corpus passage is cited.</summary>
    public bool IsCorpusPassage => DocumentId is not null && Excerpt is not null;

    /// <summary>Whether a public reference is cited.</summary>
    public bool IsPublicReference => Title is not null && Url is not null;

    /// <summary>The citation in one line: the quoted passage and its document, then the reference.</summary>
    public override string ToString()
    {
        var parts = new List<string>(2);
        if (IsCorpusPassage) parts.Add($"\"{Excerpt}\" ({DocumentId})");
        if (IsPublicReference) parts.Add($"{Title} <{Url}>");
        return string.Join("; ", parts);
    }
}
