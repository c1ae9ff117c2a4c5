using Kuril.Bot.Commands;
using Kuril.Bot.Feedback;
using Kuril.Bot.Hosting;
using Kuril.Bot.Replies;
using Kuril.Knowledge.Answers;

namespace Kuril.Bot.Conversations;

/// <summary>
/// Asks the knowledge base a user's question, alone or as a follow-up to the same user's previous question in the
/// channel, and records it for the next follow-up and for curators' stats.
/// </summary>
public sealed class Conversation(IKnowledgeBase knowledge, AnswerReplyBuilder builder, ConversationStore questions, BotMetrics metrics, TimeProvider time)
{
    /// <summary>What a follow-up's reply starts with, before the earlier question.</summary>
    public const string FollowingUpOn = "Following up on: ";

    /// <summary>Answers <see cref="CommandRequest.Arguments"/> as a question; as a follow-up when asked to and there was an earlier one.</summary>
    public async Task<Reply> AskAsync(CommandRequest request, bool followUp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var question = request.Arguments;
        var earlier = followUp ? await questions.PreviousAsync(request.Platform, request.UserId, request.ChannelId, cancellationToken) : null;
        var started = time.GetTimestamp();
        var answer = earlier is null ? knowledge.Ask(question) : knowledge.AskFollowUp(question, earlier.Topic);
        metrics.Question(request.Platform, answer.Abstained, time.GetElapsedTime(started));

        // A follow-up's topic keeps the earlier one first: "he" in a third question still means the first subject.
        var topic = earlier is null ? question : earlier.Topic + " " + question;
        await questions.RecordAsync(request.Platform, request.UserId, request.ChannelId, question, topic, answer.Abstained, cancellationToken);
        var reply = await builder.BuildAsync(
            AnswerKind.Ask,
            request.Platform,
            request.UserId,
            new AskedText(question, earlier?.Topic),
            answer,
            earlier is null ? AnswerReplyBuilder.Quote(question) : FollowingUpOn + AnswerReplyBuilder.Quote(earlier.Question),
            earlier is null ? [] : [AnswerReplyBuilder.Quote(question)],
            cancellationToken);
        return reply with { CanFollowUp = true };
    }
}
