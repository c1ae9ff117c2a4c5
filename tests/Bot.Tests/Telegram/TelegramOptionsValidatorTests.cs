using Kuril.Bot.Hosting;
using Kuril.Bot.Telegram;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Tests.Telegram;

/// <summary>The Telegram section: wrong values stop the host naming the key (never echoing the token); platform switches.</summary>
public sealed class TelegramOptionsValidatorTests
{
    [Theory]
    [InlineData("Telegram:Token", "not a token at all", "Telegram:Token")]
    [InlineData("Telegram:ApiBaseUrl", "ftp://example.org", "Telegram:ApiBaseUrl")]
    [InlineData("Telegram:WebhookUrl", "http://bot.example.org/telegram/webhook", "Telegram:WebhookUrl")]
    [InlineData("Telegram:WebhookPath", "telegram", "Telegram:WebhookPath")]
    [InlineData("Telegram:PollTimeoutSeconds", "500", "Telegram:PollTimeoutSeconds")]
    [InlineData("Telegram:EmptyPollDelay", "00:00:00", "Telegram:EmptyPollDelay")]
    [InlineData("Telegram:MaxUpdatesInFlight", "0", "Telegram:MaxUpdatesInFlight")]
    public void A_wrong_value_fails_naming_its_key(string key, string value, string named)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Options(new() { ["Telegram:Token"] = "1:abc", [key] = value }));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not a token at all", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_webhook_url_means_polling()
    {
        var options = Options(new() { ["Telegram:Token"] = "1:abc", ["Telegram:WebhookUrl"] = string.Empty });

        Assert.True(options.Configured);
        Assert.False(options.UsesWebhook);
    }

    [Fact]
    public void A_token_turns_telegram_on_and_a_webhook_url_asks_for_the_web_server()
    {
        Assert.False(Platforms(new()).AnyConfigured);
        var polling = Platforms(new() { ["Telegram:Token"] = "1:abc" });
        Assert.True(polling.AnyConfigured);
        Assert.False(polling.NeedsWebServer);
        Assert.True(Platforms(new() { ["Telegram:Token"] = "1:abc", ["Telegram:WebhookUrl"] = "https://bot.example.org/telegram/webhook" }).NeedsWebServer);
    }

    private static TelegramOptions Options(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        using var services = new ServiceCollection().AddTelegram(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<TelegramOptions>>().Value;
    }

    private static PlatformSettings Platforms(Dictionary<string, string?> values) =>
        PlatformSettings.From(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
}
