using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Kuril.Bot.Discord;
using Kuril.Bot.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kuril.Bench;

/// <summary>
/// Section 4: N channel posts (one per subscribed channel, as the daily scheduler makes them) through
/// <see cref="DiscordRestClient"/> and <see cref="DiscordRateLimiter"/> to a fake Discord enforcing 50 req/s, in
/// real time; then the daily scheduler itself at scale, in compressed time (<see cref="DailyPostBench"/>).
/// </summary>
public static class RestBench
{
    private const string Section = "Discord REST posts (50 req/s ceiling)";

    public static async Task<List<BenchRow>> RunAsync(BenchSettings settings)
    {
        await using var discord = await RateLimitedDiscord.StartAsync(TimeProvider.System, TimeSpan.Zero);
        // The client as the bot registers it: resilience pipeline around the rate-limit handler.
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(Options.Create(new DiscordOptions { ApiBaseUrl = discord.BaseAddress, Token = "bench", ApplicationId = "1" }))
            .AddDiscordRestClient();
        services.AddHttpClient<DiscordRestClient>().ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 64 });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<DiscordRestClient>();

        var stopwatch = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, settings.RestMessages).Select(i =>
        {
            var channel = (100_000_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture);
            var message = new JsonObject { ["content"] = "On this day: bench message " + i.ToString(CultureInfo.InvariantCulture) };
            return client.CreateMessageAsync(channel, message, "daily-" + channel, CancellationToken.None);
        }));
        stopwatch.Stop();

        var sent = results.Count(r => r == ChannelPostResult.Sent);
        var share = discord.SteadyRate() / DiscordRateLimiter.GlobalPerSecond;
        List<BenchRow> rows =
        [
            BenchRow.Info(Section, "messages sent / asked, wall time", string.Create(CultureInfo.InvariantCulture, $"{sent:N0} / {settings.RestMessages:N0}, {stopwatch.Elapsed.TotalSeconds:0.0} s")),
            new(Section, "achieved share of the 50 req/s ceiling", share.ToString("0.0%", CultureInfo.InvariantCulture), "≥ 95 %", share >= 0.95),
            new(Section, "duplicates (a nonce accepted twice)", discord.Duplicates.ToString(CultureInfo.InvariantCulture), "0", discord.Duplicates == 0),
            BenchRow.Info(Section, "429s from the fake Discord", discord.Rejected.ToString(CultureInfo.InvariantCulture)),
        ];
        rows.AddRange(await DailyPostBench.RunAsync(Section, settings));
        return rows;
    }
}
