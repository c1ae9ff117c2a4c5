using Kuril.Bot.Daily;
using Kuril.Bot.Replies;

namespace Kuril.Bot.Commands.Subcommands;

/// <summary><c>unsubscribe</c>: stops this channel's daily post.</summary>
public sealed class UnsubscribeCommand(ISubscriptionStore store) : IKurilCommand
{
    /// <summary>Name, parameters and example.</summary>
    public static readonly CommandDescriptor Info = new("unsubscribe", string.Empty, "stop this channel's daily post (channel admins)", "/kuril unsubscribe");

    /// <inheritdoc />
    public CommandDescriptor Descriptor => Info;

    /// <inheritdoc />
    public async Task<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (!request.IsAdmin) return Reply.Message("Admins only", "Only someone who can manage this channel can unsubscribe it.");
        if (request.Arguments.Length > 0) return Reply.Message("No arguments, please", "Use just: " + Info.Example);
        var removed = await store.RemoveAsync(new ChannelKey(request.Platform, request.ChannelId), cancellationToken);
        return removed
            ? Reply.Message("Unsubscribed", "This channel's daily post is stopped.")
            : Reply.Message("Unsubscribe", "This channel has no subscription to stop.");
    }
}
