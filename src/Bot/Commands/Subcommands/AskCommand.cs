using Kuril.Bot.Conversations;
using Kuril.Bot.Replies;

namespace Kuril.Bot.Commands.Subcommands;

/// <summary><c>ask &lt;question&gt;</c>: cited excerpts, or an honest abstention.</summary>
public sealed class AskCommand(Conversation conversation) : IKurilCommand
{
    /// <summary>Name, parameters and example.</summary>
    public static readonly CommandDescriptor Info = new("ask", "<question>", "cited excerpts from the sources", "/kuril ask When was the Yalta conference?");

    /// <inheritdoc />
    public CommandDescriptor Descriptor => Info;

    /// <inheritdoc />
    public Task<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Arguments.Length == 0
            ? Task.FromResult(Reply.Message("Ask what?", "For example: " + Info.Example))
            : conversation.AskAsync(request, followUp: false, cancellationToken);
    }
}
