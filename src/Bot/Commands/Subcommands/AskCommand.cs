using Kuril.Bot.Feedback;
using Kuril.Bot.Hosting;
using Kuril.Bot.Replies;
using Kuril.Knowledge.Answers;

namespace Kuril.Bot.Commands.Subcommands;

/// <summary><c>ask &lt;question&gt;</c>: cited excerpts, or an honest abstention.</summary>
public sealed class AskCommand(IKnowledgeBase knowledge, AnswerReplyBuilder builder, BotMetrics metrics, TimeProvider time) : IKurilCommand
{
    /// <summary>Name, parameters and example.</summary>
    public static readonly CommandDescriptor Info = new("ask", "<question>", "cited excerpts from the sources", "/kuril ask When was the Yalta conference?");

    /// <inheritdoc />
    public CommandDescriptor Descriptor => Info;

    /// <inheritdoc />
    public Task<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (request.Arguments.Length == 0)
        {
            return Task.FromResult(Reply.Message("Ask what?", "For example: " + Info.Example));
        }

        var started = time.GetTimestamp();
        var answer = knowledge.Ask(request.Arguments);
        metrics.Question(request.Platform, answer.Abstained, time.GetElapsedTime(started));
        return builder.BuildAsync(AnswerKind.Ask, request.Platform, request.UserId, request.Arguments, answer, AnswerReplyBuilder.Quote(request.Arguments), [], cancellationToken);
    }
}
