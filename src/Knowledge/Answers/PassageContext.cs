namespace Kuril.Knowledge.Answers;

/// <summary>A cited passage with the passages around it in its document.</summary>
/// <param name="Document">The document.</param>
/// <param name="Passages">The passages in order; the cited one among them.</param>
/// <param name="CitedOrdinal">The ordinal of the cited passage.</param>
public sealed record PassageContext(DocumentInfo Document, IReadOnlyList<PassageRecord> Passages, int CitedOrdinal);
