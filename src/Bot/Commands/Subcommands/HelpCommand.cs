using Kuril.Bot.Replies;

namespace Kuril.Bot.Commands.Subcommands;

/// <summary><c>help</c>: every subcommand with one example.</summary>
public sealed class HelpCommand(IEnumerable<CommandDescriptor> commands) : IKurilCommand
{
    /// <summary>Name, parameters and example.</summary>
    public static readonly CommandDescriptor Info = new("help", string.Empty, "this list", "/kuril help");

    /// <inheritdoc />
    public CommandDescriptor Descriptor => Info;

    /// <inheritdoc />
    public Task<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var lines = commands
            .Select(c => $"{KurilCommandText.Command} {c.Name}{(c.Parameters.Length > 0 ? " " + c.Parameters : string.Empty)}: {c.Summary}. Example: {c.Example}")
            .ToList();
        lines.Add("Answers carry buttons: More (next excerpts), Context (the passage in its surroundings), Helpful / Not helpful.");
        return Task.FromResult(new Reply("Kuril Islands dispute bot: commands") { Paragraphs = lines });
    }
}
