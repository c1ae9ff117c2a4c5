using System.CommandLine;
using Microsoft.Extensions.Configuration;

namespace Kuril.Bot.Cli;

/// <summary>
/// <c>healthcheck [--url …]</c>: exits 0 when the running bot's <c>/healthz</c> answers 200, 1 otherwise, for the
/// container's HEALTHCHECK (the runtime image has no curl).
/// </summary>
internal static class HealthCheckCommandLine
{
    public static Command Create(string[] overrides)
    {
        var url = new Option<string?>("--url") { Description = "The address to check; by default /healthz on the first of Urls." };
        var command = new Command("healthcheck", "Check that a running bot is alive.") { url };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var given = parse.GetValue(url);
            Uri target;
            if (given is null) target = DefaultAddress(overrides);
            else if (!Uri.TryCreate(given, UriKind.Absolute, out target!))
            {
                await Console.Error.WriteLineAsync($"--url '{given}' is not an absolute URL.");
                return BotCommandLine.UsageError;
            }
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                using var response = await http.GetAsync(target, cancellationToken);
                return response.IsSuccessStatusCode ? 0 : 1;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                await Console.Error.WriteLineAsync($"{target}: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    // The bot listens on Urls (e.g. http://0.0.0.0:8080); a wildcard host is reached on the loopback address.
    private static Uri DefaultAddress(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
        var first = (configuration["Urls"] ?? "http://127.0.0.1:8080").Split(';', StringSplitOptions.RemoveEmptyEntries)[0];
        var builder = new UriBuilder(first.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal));
        if (builder.Host is "0.0.0.0" or "[::]" or "::") builder.Host = "127.0.0.1";
        builder.Path = "/healthz";
        return builder.Uri;
    }
}
