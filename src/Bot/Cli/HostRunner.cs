using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Cli;

/// <summary>Runs a host, turning configuration errors into one clear message and a non-zero exit code.</summary>
internal static class HostRunner
{
    public static async Task<int> RunAsync(IHost host, CancellationToken cancellationToken)
    {
        try
        {
            await host.RunAsync(cancellationToken);
            return 0;
        }
        catch (Exception e) when (e is OptionsValidationException or FormatException)
        {
            await Console.Error.WriteLineAsync($"Configuration error: {e.Message}");
            return BotCommandLine.UsageError;
        }
    }

    /// <summary>Resolves a service, reporting configuration errors the way a host start would.</summary>
    public static async Task<(T? Service, int ExitCode)> ResolveAsync<T>(IHost host, Func<IServiceProvider, T> resolve)
    {
        try
        {
            foreach (var validator in host.Services.GetServices<IStartupValidator>()) validator.Validate();
            return (resolve(host.Services), 0);
        }
        catch (Exception e) when (e is OptionsValidationException or FormatException)
        {
            await Console.Error.WriteLineAsync($"Configuration error: {e.Message}");
            return (default, BotCommandLine.UsageError);
        }
    }
}
