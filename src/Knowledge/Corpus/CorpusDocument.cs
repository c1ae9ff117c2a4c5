namespace Kuril.Knowledge.Corpus;

/// <summary>A document the bot answers from, with the metadata its citations show.</summary>
/// <param name="Id">Stable id: the file name without its extension.</param>
/// <param name="FileName">The file's name inside the corpus folder.</param>
/// <param name="Title">Title shown in citations.</param>
/// <param name="Kind">What sort of document it is (<c>news</c>, <c>compilation</c>, …). A compilation's sentences
/// come from unrelated places, so they are never joined into one passage.</param>
/// <param name="Publisher">Who published it, where known.</param>
/// <param name="Published">When it was published, where known.</param>
/// <param name="Url">Where it can be read, where known.</param>
/// <param name="Body">The document's text, exactly as in the file.</param>
/// <param name="BodyLine">The line of the file on which the body starts (after any front matter).</param>
public sealed record CorpusDocument(
    string Id,
    string FileName,
    string Title,
    string Kind,
    string? Publisher,
    DateOnly? Published,
    Uri? Url,
    string Body,
    int BodyLine)
{
    /// <summary>The kind whose sentences were collected from several sources and shuffled.</summary>
    public const string CompilationKind = "compilation";

    /// <summary>Whether neighbouring sentences are unrelated and must stand alone.</summary>
    public bool IsCompilation => string.Equals(Kind, CompilationKind, StringComparison.OrdinalIgnoreCase);
}
