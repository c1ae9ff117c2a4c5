using Kuril.Bot.Replies;

namespace Kuril.Bot.Commands;

/// <summary>The short usage reply for an empty or unknown subcommand.</summary>
public static class CommandUsage
{
    /// <summary>One line naming every subcommand.</summary>
    public static string Line(IEnumerable<CommandDescriptor> commands) =>
        "Usage: " + KurilCommandText.Command + " <" + string.Join(" | ", commands.Select(c => c.Name)) + "> …";

    /// <summary>Usage plus a pointer to <c>help</c>, after an optional problem statement.</summary>
    public static Reply Reply(IEnumerable<CommandDescriptor> commands, string? problem) =>
        problem is null
            ? Replies.Reply.Message("Kuril Islands dispute bot", Line(commands), "Try /kuril help for an example of each.")
            : Replies.Reply.Message(problem, Line(commands), "Try /kuril help for an example of each.");
}
