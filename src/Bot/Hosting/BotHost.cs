using Kuril.Knowledge.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kuril.Bot.Hosting;

/// <summary>Builds the bot's host: configuration, logging and services, the same for every command line verb.</summary>
public static class BotHost
{
    /// <summary>
    /// A host builder reading <c>appsettings.json</c> from the working directory, then user secrets, then
    /// environment variables (<c>Section__Key</c>). Logs go to standard error so standard output carries only answers.
    /// </summary>
    /// <param name="args">Configuration overrides in <c>--Section:Key=value</c> form.</param>
    /// <param name="interactive">Whether the host runs the console chat (when no platform is configured).</param>
    public static HostApplicationBuilder CreateBuilder(string[] args, bool interactive)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        builder.Configuration.AddUserSecrets(typeof(BotHost).Assembly, optional: true);
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddCommandLine(args);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddKnowledge(builder.Configuration);
        builder.Services.AddBot(builder.Configuration, interactive);
        return builder;
    }
}
