namespace Kuril.Knowledge.Answers;

/// <summary>An indexed passage as stored.</summary>
/// <param name="Id">Its row id in the index (changes when the index is rebuilt).</param>
/// <param name="DocumentId">The document it comes from.</param>
/// <param name="Ordinal">Its place among the document's passages, from 0.</param>
/// <param name="Text">The quoted text.</param>
/// <param name="SourceLine">The line of the document file on which it starts.</param>
public sealed record PassageRecord(long Id, string DocumentId, int Ordinal, string Text, int SourceLine);
