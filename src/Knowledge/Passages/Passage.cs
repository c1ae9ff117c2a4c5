namespace Kuril.Knowledge.Passages;

/// <summary>One to three sentences of a document that read well when quoted alone.</summary>
/// <param name="DocumentId">The document it comes from.</param>
/// <param name="Ordinal">Its place among the document's passages, from 0.</param>
/// <param name="Text">The cleaned text, as quoted.</param>
/// <param name="SourceLine">The line of the document file on which it starts.</param>
/// <param name="Terms">Its index terms: stems of its words without stop words, and the alias groups it names.</param>
public sealed record Passage(string DocumentId, int Ordinal, string Text, int SourceLine, IReadOnlyList<string> Terms);
