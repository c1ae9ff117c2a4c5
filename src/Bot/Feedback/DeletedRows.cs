namespace Kuril.Bot.Feedback;

/// <summary>Stored answers and votes deleted, by a pruning or at a user's request.</summary>
/// <param name="Answers">Stored answers.</param>
/// <param name="Votes">Feedback votes.</param>
public readonly record struct DeletedRows(int Answers, int Votes);
