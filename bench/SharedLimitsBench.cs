using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Kuril.Bot.Discord;
using Kuril.Bot.Discord.Rest;
using Kuril.Bot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Kuril.Bench;

/// <summary>
/// Section 7: two bot instances sharing one PostgreSQL database post channel messages at once to one fake Discord
/// enforcing 50 req/s, each through its own <see cref="DiscordRestClient"/> and <see cref="DiscordRateLimiter"/>, as the
/// bot registers them; the pace they share in the database keeps them together under the global limit. PostgreSQL is
/// the one in <c>KURIL_TEST_POSTGRES</c>, else a throwaway server from <c>tests/tools/postgres.sh</c>.
/// </summary>
public static class SharedLimitsBench
{
    private const string Section = "Shared limits (two instances, PostgreSQL)";

    public static async Task<List<BenchRow>> RunAsync(BenchSettings settings)
    {
        await using var postgres = await ThrowawayPostgres.StartAsync();
        await using var discord = await RateLimitedDiscord.StartAsync(TimeProvider.System, TimeSpan.Zero);
        var instances = new List<ServiceProvider>();
        try
        {
            for (var i = 0; i < 2; i++) instances.Add(await InstanceAsync(postgres.ConnectionString, discord.BaseAddress));
            var perInstance = settings.RestMessages / 2;
            var stopwatch = Stopwatch.StartNew();
            var results = await Task.WhenAll(instances.SelectMany((instance, n) => Enumerable.Range(0, perInstance).Select(i =>
            {
                var channel = (200_000_000_000_000_000L + (n * perInstance) + i).ToString(CultureInfo.InvariantCulture);
                var message = new JsonObject { ["content"] = "On this day: bench message " + channel };
                return instance.GetRequiredService<DiscordRestClient>().CreateMessageAsync(channel, message, "daily-" + channel, CancellationToken.None);
            })));
            stopwatch.Stop();

            var sent = results.Count(r => r == ChannelPostResult.Sent);
            var rate = discord.SteadyRate();
            var share = rate / DiscordRateLimiter.GlobalPerSecond;
            return
            [
                BenchRow.Info(Section, "messages sent / asked, wall time", string.Create(CultureInfo.InvariantCulture, $"{sent:N0} / {perInstance * 2:N0}, {stopwatch.Elapsed.TotalSeconds:0.0} s")),
                new(Section, "combined send rate of the two instances", string.Create(CultureInfo.InvariantCulture, $"{rate:0.0} req/s ({share:0.0%} of 50)"), "≤ 50 req/s, ≥ 95 %", rate <= DiscordRateLimiter.GlobalPerSecond && share >= 0.95),
                BenchRow.Info(Section, "global 429s from the fake Discord", discord.Rejected.ToString(CultureInfo.InvariantCulture)),
                new(Section, "duplicates (a nonce accepted twice)", discord.Duplicates.ToString(CultureInfo.InvariantCulture), "0", discord.Duplicates == 0),
            ];
        }
        finally
        {
            foreach (var instance in instances) await instance.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
        }
    }

    // One instance as the bot registers it: its own database object (own connections) and REST client.
    private static async Task<ServiceProvider> InstanceAsync(string connectionString, Uri discord)
    {
        var storage = Options.Create(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = connectionString });
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<BotDatabase>(new PostgresBotDatabase(storage, NullLoggerFactory.Instance))
            .AddSingleton<SharedRateLimits>()
            .AddSingleton(Options.Create(new DiscordOptions { ApiBaseUrl = discord, Token = "bench", ApplicationId = "1" }))
            .AddDiscordRestClient();
        services.AddHttpClient<DiscordRestClient>().ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 64 });
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<BotDatabase>().MigrateAsync(CancellationToken.None);
        return provider;
    }
}
