namespace Kuril.Bot.Commands;

/// <summary>How <c>help</c> and the usage line present a subcommand.</summary>
/// <param name="Name">The subcommand, lower case, e.g. <c>ask</c>.</param>
/// <param name="Parameters">Its parameters as shown in usage, e.g. <c>&lt;question&gt;</c>; empty when none.</param>
/// <param name="Summary">What it does, in a few words.</param>
/// <param name="Example">One full example, e.g. <c>/kuril ask When was the Yalta conference?</c>.</param>
public sealed record CommandDescriptor(string Name, string Parameters, string Summary, string Example);
