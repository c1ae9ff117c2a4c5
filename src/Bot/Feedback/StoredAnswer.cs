using Kuril.Bot.Commands;

namespace Kuril.Bot.Feedback;

/// <summary>An answer as shown, kept so that its buttons need to carry only its id.</summary>
/// <param name="Id">Its id (0 before it is saved).</param>
/// <param name="Kind">Which command produced it.</param>
/// <param name="Question">The question (or the command text) it answers.</param>
/// <param name="Offset">Excerpts shown before this page.</param>
/// <param name="Excerpts">The excerpts on this page, in order.</param>
/// <param name="Platform">Where it was shown.</param>
/// <param name="CreatedAt">When.</param>
public sealed record StoredAnswer(long Id, AnswerKind Kind, string Question, int Offset, IReadOnlyList<ExcerptKey> Excerpts, Platform Platform, DateTimeOffset CreatedAt)
{
    /// <summary>For a follow-up, the earlier topic it was asked after (so "More" pages it the same way); else null.</summary>
    public string? Context { get; init; }
}
