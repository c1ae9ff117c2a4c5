using Kuril.Bot.Conversations;
using Kuril.Bot.Replies;

namespace Kuril.Bot.Commands.Subcommands;

/// <summary>
/// <c>followup &lt;question&gt;</c>: a question asked in the context of the same user's previous question in the
/// channel (within <c>Commands:FollowUpWindow</c>); a plain <c>ask</c> when there is none.
/// </summary>
public sealed class FollowUpCommand(Conversation conversation) : IKurilCommand
{
    /// <summary>Name, parameters and example.</summary>
    public static readonly CommandDescriptor Info = new("followup", "<question>", "a question that follows on from your last one", "/kuril followup How did he die?");

    /// <inheritdoc />
    public CommandDescriptor Descriptor => Info;

    /// <inheritdoc />
    public Task<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Arguments.Length == 0
            ? Task.FromResult(Reply.Message("Follow up with what?", "For example: " + Info.Example))
            : conversation.AskAsync(request, followUp: true, cancellationToken);
    }
}
