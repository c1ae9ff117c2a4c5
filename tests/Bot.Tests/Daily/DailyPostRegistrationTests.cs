using Kuril.Bot.Daily;
using Kuril.Bot.Discord;
using Kuril.Bot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kuril.Bot.Tests.Daily;

public sealed class DailyPostRegistrationTests
{
    [Fact]
    public void The_scheduler_runs_as_a_hosted_service()
    {
        using var bot = new TestBot();

        Assert.Contains(bot.Services.GetServices<IHostedService>(), s => s.GetType().Name == "DailyPostService");
        Assert.Empty(bot.Services.GetServices<IDailyPostSender>()); // no console chat, no Discord here
    }

    [Theory]
    [InlineData(true, false, typeof(ConsoleDailyPostSender))]
    [InlineData(false, true, typeof(DiscordDailyPostSender))]
    public void A_platform_gets_a_sender_only_when_it_is_on(bool interactive, bool discord, Type sender)
    {
        var settings = new Dictionary<string, string?>();
        if (discord)
        {
            settings["Discord:ApplicationId"] = "42";
            settings["Discord:PublicKey"] = new string('a', 64);
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddBot(configuration, interactive);
        services.AddDiscord(configuration);

        var senders = services.Where(d => d.ServiceType == typeof(IDailyPostSender)).Select(d => d.ImplementationType).ToList();
        Assert.Equal([sender], senders);
    }
}
