using Kuril.Bot.Daily;
using Kuril.Bot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace Kuril.Bot.Telegram;

/// <summary>Registers the Telegram adapter.</summary>
public static class TelegramServiceCollectionExtensions
{
    /// <summary>The name of the Bot API's HttpClient.</summary>
    public const string HttpClientName = "Telegram";

    /// <summary>
    /// Adds the Telegram section (validated on start) and, when a token is set, the Bot API client, the update
    /// handler and either long polling or the webhook. Without a token Telegram is off, which one log line says.
    /// </summary>
    public static IServiceCollection AddTelegram(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(TelegramOptions.SectionName);
        services.AddOptions<TelegramOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>());
        services.AddHostedService<TelegramStatusReporter>();
        services.TryAddSingleton(TimeProvider.System);
        if (!(section.Get<TelegramOptions>() ?? new TelegramOptions()).Configured) return services;

        services.AddTelegramAdapter();
        services.AddSingleton<IDailyPostSender, TelegramDailyPostSender>();
        services.AddHostedService(sp => sp.GetRequiredService<TelegramBotService>());
        if ((section.Get<TelegramOptions>() ?? new TelegramOptions()).UsesWebhook) services.AddHostedService<TelegramWebhookWorker>();
        return services;
    }

    /// <summary>The adapter's services without the hosted ones, for hosts (and tests) that start them themselves.</summary>
    public static IServiceCollection AddTelegramAdapter(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TelegramSendLimiter>();
        services.AddMetrics();
        services.TryAddSingleton<BotMetrics>();

        // The request URL holds the token, so HttpClient's request logging (which writes URLs) is removed. One
        // attempt may be a long poll: its timeout is the poll's plus a margin. The client is a singleton, so its
        // handler is kept and connections are renewed by SocketsHttpHandler instead (DNS changes are still seen).
        services.AddHttpClient(HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .UseSocketsHttpHandler((handler, _) => handler.PooledConnectionLifetime = TimeSpan.FromMinutes(5))
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .AddPlatformResilience(TimeSpan.FromSeconds(TelegramOptions.MaxPollTimeoutSeconds + 30));
        services.TryAddSingleton<ITelegramBotClient>(sp => CreateClient(
            sp.GetRequiredService<IOptions<TelegramOptions>>().Value,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName)));
        services.TryAddSingleton<TelegramSender>();
        services.TryAddSingleton<TelegramChatMigration>();
        services.TryAddSingleton<TelegramBotIdentity>();
        services.TryAddSingleton<TelegramOffsetStore>();
        services.TryAddSingleton<TelegramWebhookSecret>();
        services.TryAddSingleton<TelegramWebhookQueue>();
        services.TryAddSingleton<TelegramUpdateHandler>();
        services.TryAddSingleton<TelegramUpdateProcessor>();
        services.TryAddSingleton<TelegramBotService>();
        return services;
    }

    // Retries are the HTTP pipeline's alone (RetryThreshold 0): Telegram.Bot's own 429 retry on top would double them.
    private static TelegramBotClient CreateClient(TelegramOptions options, HttpClient http)
    {
        var local = options.ApiBaseUrl.Host != TelegramOptions.DefaultApiHost;
        var client = new TelegramBotClientOptions(options.Token!.Trim(), local ? options.ApiBaseUrl.AbsoluteUri : null) { RetryThreshold = 0 };
        return new TelegramBotClient(client, http);
    }
}
