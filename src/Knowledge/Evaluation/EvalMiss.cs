namespace Kuril.Knowledge.Evaluation;

/// <summary>A question the bot got wrong.</summary>
/// <param name="Question">The question.</param>
/// <param name="Problem">What went wrong.</param>
/// <param name="Returned">The excerpts returned, best first.</param>
public sealed record EvalMiss(EvalQuestion Question, string Problem, IReadOnlyList<string> Returned);
