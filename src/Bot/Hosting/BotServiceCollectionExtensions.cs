using Kuril.Bot.Terminal;
using Microsoft.Extensions.DependencyInjection;

namespace Kuril.Bot.Hosting;

/// <summary>Registers the bot's own services.</summary>
public static class BotServiceCollectionExtensions
{
    /// <summary>Adds, when <paramref name="interactive"/>, the console chat.</summary>
    public static IServiceCollection AddBot(this IServiceCollection services, bool interactive)
    {
        if (interactive)
        {
            services.AddSingleton(TextReaderWriter.Standard);
            services.AddHostedService<ConsoleChatService>();
        }

        return services;
    }
}
