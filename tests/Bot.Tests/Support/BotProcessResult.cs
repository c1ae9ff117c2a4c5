namespace Kuril.Bot.Tests.Support;

/// <summary>What a run of the bot's command line printed.</summary>
internal sealed record BotProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Standard output's non-empty lines.</summary>
    public IReadOnlyList<string> Lines => StandardOutput.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
}
