using Kuril.Bot.Replies;

namespace Kuril.Bot.Commands;

/// <summary>One <c>/kuril</c> subcommand. Registered explicitly in <c>AddBot()</c>; run by <see cref="CommandDispatcher"/>.</summary>
public interface IKurilCommand
{
    /// <summary>Its name, parameters and example.</summary>
    CommandDescriptor Descriptor { get; }

    /// <summary>Handles a request already checked for length and rate by the dispatcher.</summary>
    Task<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken);
}
