using Kuril.Bot.Discord;
using Kuril.Bot.Hosting.Health;
using Kuril.Bot.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Hosting;

/// <summary>The bot's HTTP endpoints, mapped on the web host.</summary>
public static class BotEndpoints
{
    /// <summary>
    /// Maps <c>/healthz</c>, <c>/readyz</c>, <c>/metrics</c> (unless <c>Metrics:Prometheus</c> is false) and the
    /// endpoint of every configured platform.
    /// </summary>
    public static WebApplication MapBotEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }); // alive: the process answers
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(BotServiceCollectionExtensions.ReadinessTag),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });
        if (MetricsOptions.From(app.Configuration).Prometheus) app.MapPrometheusScrapingEndpoint(MetricsOptions.Path);
        var discord = app.Services.GetRequiredService<IOptions<DiscordOptions>>().Value;
        if (discord.InteractionsConfigured) app.MapDiscordInteractions(discord.InteractionsPath);
        var telegram = app.Services.GetRequiredService<IOptions<TelegramOptions>>().Value;
        if (telegram.UsesWebhook) app.MapTelegramWebhook(telegram.WebhookPath);
        return app;
    }
}
