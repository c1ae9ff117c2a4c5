namespace Kuril.Bot.Terminal;

/// <summary>The text streams the console chat talks over: the process's standard streams, or a test's.</summary>
/// <param name="Input">Where user lines come from.</param>
/// <param name="Output">Where replies go.</param>
public sealed record TextReaderWriter(TextReader Input, TextWriter Output)
{
    /// <summary>Standard input and output.</summary>
    public static TextReaderWriter Standard => new(Console.In, Console.Out) { IsTerminal = !Console.IsOutputRedirected };

    /// <summary>Whether replies go to a terminal, which can show bold text.</summary>
    public bool IsTerminal { get; init; }
}
