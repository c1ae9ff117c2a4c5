using Kuril.Knowledge.Cleaning;

namespace Kuril.Knowledge.Passages;

/// <summary>A sentence kept out of the index, and why.</summary>
/// <param name="DocumentId">The document it comes from.</param>
/// <param name="Text">The sentence.</param>
/// <param name="Reason">Why it was dropped.</param>
public sealed record DroppedText(string DocumentId, string Text, DebrisReason Reason);
