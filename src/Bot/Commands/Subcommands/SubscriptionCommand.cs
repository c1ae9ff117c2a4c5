using Kuril.Bot.Replies;

namespace Kuril.Bot.Commands.Subcommands;

/// <summary><c>subscription</c>: shows this channel's daily post, if any (the store comes with the on-this-day issue).</summary>
public sealed class SubscriptionCommand : IKurilCommand
{
    /// <summary>Name, parameters and example.</summary>
    public static readonly CommandDescriptor Info = new("subscription", string.Empty, "this channel's daily post, if any", "/kuril subscription");

    /// <inheritdoc />
    public CommandDescriptor Descriptor => Info;

    /// <inheritdoc />
    public Task<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (request.Arguments.Length > 0) return Task.FromResult(Reply.Message("No arguments, please", "Use just: " + Info.Example));
        return Task.FromResult(Reply.Message("Subscription", "This channel has no daily post.", SubscribeCommand.NotStoredYet));
    }
}
