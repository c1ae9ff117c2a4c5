namespace Kuril.Bot.Conversations;

/// <summary>A question as counted for curators: normalised (<see cref="QuestionText.Normalise"/>), never with who asked.</summary>
/// <param name="Question">The normalised question.</param>
/// <param name="Count">How many times it was asked.</param>
public sealed record CountedQuestion(string Question, int Count);
