using Kuril.Bot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Cli;

/// <summary>Builds and runs a host, turning configuration errors into one clear message and a non-zero exit code.</summary>
internal static class HostRunner
{
    public static async Task<int> RunAsync(Func<IHost> build, CancellationToken cancellationToken)
    {
        try
        {
            using var host = build();
            await host.RunAsync(cancellationToken);
            return 0;
        }
        catch (Exception e) when (IsConfigurationError(e))
        {
            await Console.Error.WriteLineAsync($"Configuration error: {e.Message}");
            return BotCommandLine.UsageError;
        }
        catch (StorageUnavailableException e)
        {
            await Console.Error.WriteLineAsync($"Storage error: {e.Message}");
            return 1;
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
        catch (Exception e) when (IsConfigurationError(e))
        {
            await Console.Error.WriteLineAsync($"Configuration error: {e.Message}");
            return (default, BotCommandLine.UsageError);
        }
    }

    // Options validation names the key; the binder's InvalidOperationException names the key it could not convert.
    public static bool IsConfigurationError(Exception e) =>
        e is OptionsValidationException or FormatException
        || (e is InvalidOperationException && e.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase));
}
