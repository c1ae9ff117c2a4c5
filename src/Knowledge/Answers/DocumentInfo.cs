namespace Kuril.Knowledge.Answers;

/// <summary>A document the bot knows, as its citations and the <c>sources</c> list show it.</summary>
/// <param name="Id">Stable id: the file name without extension.</param>
/// <param name="FileName">The file's name inside the corpus's documents folder.</param>
/// <param name="Title">Title.</param>
/// <param name="Kind">What sort of document it is.</param>
/// <param name="Publisher">Publisher, where known.</param>
/// <param name="Published">Publication date, where known.</param>
/// <param name="Url">Where it can be read, where known.</param>
/// <param name="PassageCount">How many passages of it are indexed.</param>
public sealed record DocumentInfo(
    string Id,
    string FileName,
    string Title,
    string Kind,
    string? Publisher,
    DateOnly? Published,
    Uri? Url,
    int PassageCount);
