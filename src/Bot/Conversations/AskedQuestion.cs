namespace Kuril.Bot.Conversations;

/// <summary>A question a user asked in a channel, as a follow-up finds it.</summary>
/// <param name="Question">The question as asked.</param>
/// <param name="Topic">What a follow-up to it leans on: the question, or for a follow-up the earlier topic and the follow-up.</param>
/// <param name="AskedAt">When.</param>
public sealed record AskedQuestion(string Question, string Topic, DateTimeOffset AskedAt);
