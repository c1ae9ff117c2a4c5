using System.CommandLine;
using Kuril.Bot.Hosting;

namespace Kuril.Bot.Cli;

/// <summary>
/// The command line: no verb runs the bot (the console chat when no platform is configured); <c>ask</c> answers
/// once; <c>eval</c> scores a questions file.
/// </summary>
public static class BotCommandLine
{
    /// <summary>Exit code for bad input or configuration.</summary>
    public const int UsageError = 2;

    /// <summary>Builds the root command.</summary>
    public static RootCommand Create()
    {
        var root = new RootCommand("Answers questions about the Kuril Islands / Northern Territories dispute with cited excerpts.")
        {
            AskCommandLine.Create(),
            EvalCommandLine.Create(),
            OnThisDayCommandLine.Create(),
            HealthCheckCommandLine.Create(),
            PreviewCommandLine.Create(),
        };
        root.TreatUnmatchedTokensAsErrors = false; // configuration overrides such as --Knowledge:DataPath=/tmp/x
        root.SetAction(async (parse, cancellationToken) =>
        {
            return await HostRunner.RunAsync(() => BotHost.Build(parse.UnmatchedTokens.ToArray()), cancellationToken);
        });
        return root;
    }
}
