using Kuril.Bot.Discord;
using Kuril.Bot.Telegram;
using Kuril.Bot.Web;
using Kuril.Knowledge.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Kuril.Bot.Hosting;

/// <summary>
/// Builds the bot's host. Configuration comes from <c>appsettings.json</c> in the working directory, then user
/// secrets, then environment variables (<c>Section__Key</c>), then <c>--Section:Key=value</c> arguments. Logs go to
/// standard error so standard output carries only answers.
/// </summary>
public static class BotHost
{
    /// <summary>
    /// The host that runs the bot: a web host when a platform needs HTTP endpoints (Discord interactions, or an
    /// explicit <c>Urls</c>), otherwise a plain host; the console chat when no platform is configured.
    /// </summary>
    public static IHost Build(string[] args)
    {
        var probe = CreateBuilder(args, interactive: false);
        var platforms = PlatformSettings.From(probe.Configuration);
        if (!platforms.NeedsWebServer)
        {
            return CreateBuilder(args, interactive: !platforms.AnyConfigured).Build();
        }

        var web = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = Directory.GetCurrentDirectory() });
        Configure(web, args, interactive: false, web: true);
        var app = web.Build();
        app.MapBotEndpoints();
        app.MapWeb();
        return app;
    }

    /// <summary>A plain host builder with every service, for command line verbs and the console chat.</summary>
    /// <param name="args">Configuration overrides in <c>--Section:Key=value</c> form.</param>
    /// <param name="interactive">Whether the host runs the console chat.</param>
    public static HostApplicationBuilder CreateBuilder(string[] args, bool interactive)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        Configure(builder, args, interactive, web: false);
        return builder;
    }

    private static void Configure(IHostApplicationBuilder builder, string[] args, bool interactive, bool web)
    {
        builder.Configuration.AddUserSecrets(typeof(BotHost).Assembly, optional: true);
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddCommandLine(args);
        LogLevelSettings.Validate(builder.Configuration);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddKnowledge(builder.Configuration);
        builder.Services.AddBot(builder.Configuration, interactive);
        builder.Services.AddDiscord(builder.Configuration);
        builder.Services.AddTelegram(builder.Configuration);
        builder.Services.AddWeb(builder.Configuration);
        AddMetricsExport(builder, web);
    }

    // The bot's, the runtime's, ASP.NET Core's and HttpClient's metrics: to /metrics in Prometheus text on a web host
    // (unless Metrics:Prometheus is false), and by OTLP when an endpoint is configured.
    private static void AddMetricsExport(IHostApplicationBuilder builder, bool web)
    {
        var prometheus = web && MetricsOptions.From(builder.Configuration).Prometheus;
        var endpoint = builder.Configuration["OpenTelemetry:OtlpEndpoint"];
        Uri? otlp = null;
        if (!string.IsNullOrWhiteSpace(endpoint) && !Uri.TryCreate(endpoint, UriKind.Absolute, out otlp))
        {
            throw new OptionsValidationException("OpenTelemetry", typeof(Uri), ["OpenTelemetry:OtlpEndpoint must be an absolute URL, e.g. http://collector:4317"]);
        }

        if (otlp is null && !prometheus) return;
        builder.Services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            metrics.AddMeter(BotMetrics.MeterName, "System.Runtime", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http");
            if (otlp is not null) metrics.AddOtlpExporter(o => o.Endpoint = otlp);
            if (prometheus) metrics.AddPrometheusExporter();
        });
    }
}
