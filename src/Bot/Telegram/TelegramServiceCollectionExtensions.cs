using Kuril.Bot.Daily;
using Kuril.Bot.Telegram.Api;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Telegram;

/// <summary>Registers the Telegram adapter.</summary>
public static class TelegramServiceCollectionExtensions
{
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

        // The request URL holds the token, so HttpClient's request logging (which writes URLs) is removed.
        services.AddHttpClient<TelegramApiClient>(http => http.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers();
        services.TryAddSingleton<TelegramBotIdentity>();
        services.TryAddSingleton<TelegramOffsetStore>();
        services.TryAddSingleton<TelegramWebhookSecret>();
        services.TryAddSingleton<TelegramWebhookQueue>();
        services.TryAddSingleton<TelegramUpdateHandler>();
        services.TryAddSingleton<TelegramUpdateProcessor>();
        services.TryAddSingleton<TelegramBotService>();
        return services;
    }
}
