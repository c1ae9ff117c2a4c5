using Kuril.Bot.Discord;
using Kuril.Bot.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Tests.Discord.Rest;

/// <summary>
/// The REST client as the bot registers it (resilience pipeline around the rate-limit handler) on a given clock, with
/// an optional innermost handler (to stamp or count what leaves). Disposing releases its HttpClient's handlers.
/// </summary>
internal sealed class DiscordRest : IDisposable
{
    private readonly ServiceProvider _services;

    public DiscordRest(DiscordOptions options, TimeProvider time, DiscordRateLimiter? limiter = null, HttpMessageHandler? primary = null)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(time)
            .AddSingleton(Options.Create(options));
        if (limiter is not null) services.AddSingleton(limiter);
        services.AddDiscordRestClient();
        if (primary is not null) services.AddHttpClient<DiscordRestClient>().ConfigurePrimaryHttpMessageHandler(() => primary);
        _services = services.BuildServiceProvider();
        Client = _services.GetRequiredService<DiscordRestClient>();
        Limiter = _services.GetRequiredService<DiscordRateLimiter>();
    }

    public IServiceProvider Services => _services;

    public DiscordRestClient Client { get; }

    public DiscordRateLimiter Limiter { get; }

    public void Dispose() => _services.Dispose();
}
