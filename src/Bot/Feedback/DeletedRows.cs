namespace Kuril.Bot.Feedback;

/// <summary>Stored answers, votes and questions deleted, by a pruning or at a user's request.</summary>
/// <param name="Answers">Stored answers.</param>
/// <param name="Votes">Feedback votes.</param>
/// <param name="Questions">Questions recorded for follow-ups and stats.</param>
public readonly record struct DeletedRows(int Answers, int Votes, int Questions = 0);
