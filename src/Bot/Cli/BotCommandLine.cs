using System.CommandLine;
using Kuril.Bot.Hosting;

namespace Kuril.Bot.Cli;

/// <summary>
/// The command line: no verb runs the bot (the console chat when no platform is configured); <c>ask</c> answers
/// once; <c>eval</c> scores a questions file. Configuration overrides (<c>--Knowledge:DataPath=/tmp/x</c>) may
/// stand anywhere; every other token is parsed strictly, so a mistyped verb or option is an error, not a question.
/// </summary>
public static class BotCommandLine
{
    /// <summary>Exit code for bad input or configuration.</summary>
    public const int UsageError = 2;

    /// <summary>Parses and runs a command line; a parse error prints the errors and usage to standard error.</summary>
    public static async Task<int> InvokeAsync(string[] args)
    {
        var (commandLine, overrides) = ConfigurationOverrides.Split(args);
        var parse = Create(overrides).Parse(commandLine);
        if (parse.Errors.Count > 0)
        {
            await parse.InvokeAsync(new InvocationConfiguration { Output = Console.Error });
            return UsageError;
        }

        // Every verb builds its host inside its action: a wrong setting it meets there ends the same way as at start.
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (HostRunner.IsConfigurationError(e))
        {
            await Console.Error.WriteLineAsync($"Configuration error: {e.Message}");
            return UsageError;
        }
        catch (OperationCanceledException)
        {
            return 130; // interrupted (Ctrl+C), as shells count it
        }
        catch (Exception e)
        {
            // What the command line's own handler would print: a defect's whole story, for its report.
            await Console.Error.WriteLineAsync($"Unhandled exception: {e}");
            return 1;
        }
    }

    /// <summary>Builds the root command; <paramref name="overrides"/> go to the host's configuration.</summary>
    public static RootCommand Create(string[] overrides)
    {
        var root = new RootCommand("Answers questions about the Kuril Islands / Northern Territories dispute with cited excerpts.")
        {
            AskCommandLine.Create(overrides),
            EvalCommandLine.Create(overrides),
            OnThisDayCommandLine.Create(overrides),
            HealthCheckCommandLine.Create(overrides),
            PreviewCommandLine.Create(overrides),
            StatsCommandLine.Create(overrides),
            ImportCommandLine.Create(overrides),
        };
        root.SetAction(async (parse, cancellationToken) =>
        {
            return await HostRunner.RunAsync(() => BotHost.Build(overrides), cancellationToken);
        });
        return root;
    }
}
