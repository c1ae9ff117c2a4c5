namespace Kuril.Bot.Feedback;

/// <summary>Which command produced a stored answer; decides what its buttons may do.</summary>
public enum AnswerKind
{
    /// <summary><c>ask</c>, or a "More" page of it.</summary>
    Ask,

    /// <summary>An island card; "More" continues its facts.</summary>
    Island,

    /// <summary><c>positions</c>.</summary>
    Positions,
}
