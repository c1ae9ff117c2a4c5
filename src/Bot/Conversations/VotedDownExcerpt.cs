namespace Kuril.Bot.Conversations;

/// <summary>A quoted passage that readers voted "Not helpful" on.</summary>
/// <param name="DocumentId">Its document.</param>
/// <param name="Passage">Its ordinal in the document.</param>
/// <param name="Votes">"Not helpful" votes on answers that quoted it.</param>
/// <param name="Text">The passage's text, or null when the corpus no longer holds it.</param>
public sealed record VotedDownExcerpt(string DocumentId, int Passage, int Votes, string? Text);
