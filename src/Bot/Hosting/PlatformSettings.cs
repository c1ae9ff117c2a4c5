using Kuril.Bot.Commands;
using Kuril.Bot.Discord;
using Kuril.Bot.Telegram;
using Microsoft.Extensions.Configuration;

namespace Kuril.Bot.Hosting;

/// <summary>Which chat platforms the configuration turns on, read before the host is built.</summary>
/// <param name="Discord">Whether Discord is configured (interactions endpoint or Gateway).</param>
/// <param name="DiscordInteractions">Whether Discord's interactions endpoint runs (which needs the web host).</param>
/// <param name="Telegram">Whether a Telegram token is set.</param>
/// <param name="TelegramWebhook">Whether Telegram updates come by webhook (which needs the web host).</param>
/// <param name="ExplicitUrls">Whether <c>Urls</c> is set, asking for the web endpoints regardless.</param>
public sealed record PlatformSettings(bool Discord, bool DiscordInteractions, bool Telegram, bool TelegramWebhook, bool ExplicitUrls)
{
    /// <summary>Each chat platform and whether it is configured.</summary>
    public IReadOnlyList<(Platform Platform, bool Configured)> Platforms => [(Platform.Discord, Discord), (Platform.Telegram, Telegram)];

    /// <summary>Whether any platform is on; when none is, the bot runs the console chat.</summary>
    public bool AnyConfigured => Discord || Telegram;

    /// <summary>Whether the host needs a web server.</summary>
    public bool NeedsWebServer => DiscordInteractions || TelegramWebhook || ExplicitUrls;

    /// <summary>Reads the settings from configuration.</summary>
    public static PlatformSettings From(IConfiguration configuration)
    {
        var discord = configuration.GetSection(DiscordOptions.SectionName).Get<DiscordOptions>() ?? new DiscordOptions();
        var telegram = configuration.GetSection(TelegramOptions.SectionName).Get<TelegramOptions>() ?? new TelegramOptions();
        return new PlatformSettings(
            discord.Configured,
            discord.InteractionsConfigured,
            telegram.Configured,
            telegram.UsesWebhook,
            !string.IsNullOrWhiteSpace(configuration["Urls"]));
    }
}
