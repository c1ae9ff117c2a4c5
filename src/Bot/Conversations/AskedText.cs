namespace Kuril.Bot.Conversations;

/// <summary>A question as the knowledge base was asked it: alone, or after an earlier topic.</summary>
/// <param name="Question">The question.</param>
/// <param name="Context">The earlier topic a follow-up leans on, or null.</param>
public sealed record AskedText(string Question, string? Context);
