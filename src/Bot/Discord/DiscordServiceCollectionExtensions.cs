using Kuril.Bot.Daily;
using Kuril.Bot.Discord.Gateway;
using Kuril.Bot.Discord.Rest;
using Kuril.Bot.Hosting;
using Kuril.Bot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Discord;

/// <summary>Registers the Discord adapter.</summary>
public static class DiscordServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Discord section (validated on start) and, when an application id and public key are set, the
    /// interactions endpoint's services, the REST client and command registration. Without them Discord is off,
    /// which one log line says on start.
    /// </summary>
    public static IServiceCollection AddDiscord(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(DiscordOptions.SectionName);
        services.AddOptions<DiscordOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());
        services.AddHostedService<DiscordStatusReporter>();
        services.TryAddSingleton(TimeProvider.System);
        var configured = section.Get<DiscordOptions>() ?? new DiscordOptions();
        if (!configured.Configured) return services;

        if (configured.InteractionsConfigured) AddInteractionsEndpoint(services);
        services.AddDiscordRestClient();
        services.AddSingleton<IDailyPostSender, DiscordDailyPostSender>();
        services.AddSingleton<DiscordAutocomplete>();
        services.AddSingleton<DiscordFollowups>();
        services.AddHostedService(sp => sp.GetRequiredService<DiscordFollowups>());
        services.AddSingleton<IDiscordInteractionHandler, DiscordInteractionHandler>();
        services.AddHostedService<DiscordCommandRegistration>();
        if (configured.GatewayConfigured)
        {
            services.AddSingleton<GatewayStatus>();
            services.AddHostedService<DiscordGatewayService>();
        }

        return services;
    }

    /// <summary>
    /// The REST client: its HttpClient's resilience pipeline retries, and inside it <see cref="DiscordRateLimitHandler"/>
    /// holds every attempt to Discord's buckets and global limit.
    /// </summary>
    public static IServiceCollection AddDiscordRestClient(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<BotMetrics>();
        services.TryAddSingleton(sp => new DiscordRateLimiter(sp.GetRequiredService<TimeProvider>(), SharedRateLimits.WhenShared(sp)));
        services.TryAddTransient<DiscordRateLimitHandler>();
        services.AddHttpClient<DiscordRestClient>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddPlatformResilience(TimeSpan.FromSeconds(30))
            .AddHttpMessageHandler<DiscordRateLimitHandler>();
        return services;
    }

    private static void AddInteractionsEndpoint(IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var hex = sp.GetRequiredService<IOptions<DiscordOptions>>().Value.PublicKey?.Trim();
            return Ed25519PublicKey.TryParseHex(hex, out var error)
                ?? throw new OptionsValidationException(DiscordOptions.SectionName, typeof(DiscordOptions), [$"Discord:PublicKey {error}"]);
        });
        services.AddSingleton(sp => new InteractionSignatureVerifier(
            sp.GetRequiredService<Ed25519PublicKey>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<DiscordOptions>>().Value.SignatureMaxAge));
        services.AddSingleton(sp => new InteractionReplayGuard(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<DiscordOptions>>().Value.SignatureMaxAge,
            SharedRateLimits.WhenShared(sp)));
    }
}
