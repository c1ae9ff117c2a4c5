using Kuril.Knowledge.Answers;

namespace Kuril.Bot.Web;

/// <summary>What <c>/sources/{documentId}</c> shows.</summary>
/// <param name="Document">The document.</param>
/// <param name="Passages">Its passages in order.</param>
/// <param name="Canonical">The page's public address.</param>
public sealed record SourcePageModel(DocumentInfo Document, IReadOnlyList<PassageRecord> Passages, Uri? Canonical);
