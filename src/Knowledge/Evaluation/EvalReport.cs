namespace Kuril.Knowledge.Evaluation;

/// <summary>Retrieval quality over an evaluation set.</summary>
/// <param name="Questions">Questions scored.</param>
/// <param name="AnswerQuestions">Questions the corpus answers.</param>
/// <param name="AbstainQuestions">Questions the corpus does not answer.</param>
/// <param name="HitAt3">Share of answer questions with a gold string in the first three excerpts.</param>
/// <param name="MrrAt5">Mean reciprocal rank of the first gold excerpt within five.</param>
/// <param name="Abstention">Share of abstain questions answered with no excerpt.</param>
/// <param name="FalseAbstention">Share of answer questions answered with no excerpt.</param>
/// <param name="Debris">Returned excerpts holding a must-not string.</param>
/// <param name="Misses">Questions scored wrong, with what was returned.</param>
public sealed record EvalReport(
    int Questions,
    int AnswerQuestions,
    int AbstainQuestions,
    double HitAt3,
    double MrrAt5,
    double Abstention,
    double FalseAbstention,
    int Debris,
    IReadOnlyList<EvalMiss> Misses);
