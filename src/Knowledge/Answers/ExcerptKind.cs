namespace Kuril.Knowledge.Answers;

/// <summary>What an excerpt is: a quotation from a document, or a summary in the project's own words.</summary>
public enum ExcerptKind
{
    /// <summary>A passage quoted from a corpus document.</summary>
    Document,

    /// <summary>A dated event of <c>timeline.yaml</c>, in the project's own words, with its sources.</summary>
    Timeline,

    /// <summary>A reference note of <c>notes/</c>, in the project's own words, with its sources.</summary>
    Note,
}
