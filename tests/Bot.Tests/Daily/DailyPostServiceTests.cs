using System.Globalization;
using Kuril.Bot.Commands;
using Kuril.Bot.Daily;
using Kuril.Bot.Storage;
using Kuril.Bot.Terminal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kuril.Bot.Tests.Daily;

/// <summary>The hosted loop around the scheduler, with the bot's real services and a fake clock.</summary>
[Collection(ClockSensitiveCollection.Name)]
public sealed class DailyPostServiceTests
{
    [Fact(Timeout = 60_000)]
    public async Task The_console_channel_receives_the_post_when_the_clock_reaches_its_time()
    {
        using var output = new StringWriter();
        var console = new TextReaderWriter(new StringReader(string.Empty), output);
        using var bot = new TestBot(configure: services =>
        {
            services.AddSingleton(console);
            services.AddSingleton<IDailyPostSender, ConsoleDailyPostSender>();
        });
        // The fake clock starts at 2026-08-18 06:00 UTC, 15:00 in Tokyo.
        await bot.RunAsync("subscribe", "15:01 Asia/Tokyo", platform: Platform.Console, isAdmin: true);
        var service = bot.Services.GetServices<IHostedService>().Single(s => s is DailyPostService);
        var ct = TestContext.Current.CancellationToken;

        await service.StartAsync(ct);
        DateTimeOffset? sentAt = null;
        try
        {
            // Advancing the fake clock never waits for the loop to be asleep: each step is bounded, and a step taken
            // while the loop is busy only makes its next wait shorter.
            for (var step = 0; step < 600 && sentAt is null; step++)
            {
                await Task.Delay(50, ct);
                sentAt = await SentAtAsync(bot, ct);
                if (sentAt is null) bot.Time.Advance(TimeSpan.FromSeconds(5));
            }
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }

        // The ledger records the instant of the round that sent it: never before the time, and late only by the
        // test's own stepping of the clock while the loop was busy on a loaded machine.
        Assert.NotNull(sentAt);
        Assert.Contains("On this day, 18 August", output.ToString(), StringComparison.Ordinal);
        Assert.InRange(sentAt.Value, new DateTimeOffset(2026, 8, 18, 6, 1, 0, TimeSpan.Zero), new DateTimeOffset(2026, 8, 18, 6, 3, 0, TimeSpan.Zero));
    }

    private static async Task<DateTimeOffset?> SentAtAsync(TestBot bot, CancellationToken ct)
    {
        await using var connection = await bot.Services.GetRequiredService<BotDatabase>().OpenAsync(ct);
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT updated_at FROM daily_posts WHERE state = 'sent'";
        return await query.ExecuteScalarAsync(ct) is string text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture) : null;
    }
}
