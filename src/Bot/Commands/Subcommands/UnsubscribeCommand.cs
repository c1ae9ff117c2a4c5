using Kuril.Bot.Replies;

namespace Kuril.Bot.Commands.Subcommands;

/// <summary><c>unsubscribe</c>: stops this channel's daily post (the store comes with the on-this-day issue).</summary>
public sealed class UnsubscribeCommand : IKurilCommand
{
    /// <summary>Name, parameters and example.</summary>
    public static readonly CommandDescriptor Info = new("unsubscribe", string.Empty, "stop this channel's daily post (channel admins)", "/kuril unsubscribe");

    /// <inheritdoc />
    public CommandDescriptor Descriptor => Info;

    /// <inheritdoc />
    public Task<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (!request.IsAdmin) return Task.FromResult(Reply.Message("Admins only", "Only someone who can manage this channel can unsubscribe it."));
        if (request.Arguments.Length > 0) return Task.FromResult(Reply.Message("No arguments, please", "Use just: " + Info.Example));
        return Task.FromResult(Reply.Message("Unsubscribe", "This channel has no subscription to stop.", SubscribeCommand.NotStoredYet));
    }
}
