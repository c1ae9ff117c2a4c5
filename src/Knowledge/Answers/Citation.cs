namespace Kuril.Knowledge.Answers;

/// <summary>Where a quoted excerpt comes from.</summary>
/// <param name="DocumentId">The document's id.</param>
/// <param name="Title">The document's title.</param>
/// <param name="Publisher">Its publisher, where known.</param>
/// <param name="Published">Its publication date, where known.</param>
/// <param name="Url">Where it can be read, where known.</param>
/// <param name="PassageOrdinal">The passage's place in the document, from 0 (ask for its context with this).</param>
/// <param name="PassageCount">How many passages the document has.</param>
/// <param name="SourceLine">The line of the document file on which the passage starts.</param>
public sealed record Citation(
    string DocumentId,
    string Title,
    string? Publisher,
    DateOnly? Published,
    Uri? Url,
    int PassageOrdinal,
    int PassageCount,
    int SourceLine);
