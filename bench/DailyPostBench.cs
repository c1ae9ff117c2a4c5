using System.Diagnostics;
using System.Globalization;
using Kuril.Bot.Daily;
using Kuril.Bot.Discord;
using Kuril.Bot.Discord.Rest;
using Kuril.Bot.Hosting;
using Kuril.Bot.Storage;
using Kuril.Knowledge.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kuril.Bench;

/// <summary>
/// Section 4, second part: the real daily scheduler, wired as the bot wires it (its SQLite store and ledger in a temp
/// data folder, the Discord sender, REST client and rate limiter), posting to N Discord channels whose subscriptions
/// all fall due in the same minute, against the fake Discord (50 requests in any second, a round-trip latency). Time
/// runs <see cref="BenchSettings.DailyTimeFactor"/> times faster through one clock shared by the scheduler's caller,
/// the limiter, the client's back-offs and the fake, so 2,000 seconds of posting take a couple of minutes.
/// </summary>
public static class DailyPostBench
{
    /// <summary>Discord's answer to a message post, as a bot hosted in Europe sees it (the API is in the US).</summary>
    public static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(150);

    public static async Task<List<BenchRow>> RunAsync(string section, BenchSettings settings)
    {
        var clock = new AcceleratedClock(settings.DailyTimeFactor);
        using var data = new TempFolder("kuril-bench-daily");
        await using var discord = await RateLimitedDiscord.StartAsync(clock, Latency);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Knowledge:CorpusPath"] = RepoPaths.Corpus,
            ["Knowledge:DataPath"] = data.Path,
            ["Discord:ApplicationId"] = "1",
            ["Discord:Token"] = "bench",
            ["Discord:ApiBaseUrl"] = discord.BaseAddress.AbsoluteUri,
        }).Build();

        // The bot's own registrations, with the compressed clock in place of the system's.
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddLogging()
            .AddKnowledge(configuration)
            .AddBot(configuration, interactive: false)
            .AddDiscord(configuration);
        await using var provider = services.BuildServiceProvider();
        await SubscribeAsync(provider.GetRequiredService<BotDatabase>(), settings.DailySubscriptions, clock.GetUtcNow());
        var scheduler = provider.GetRequiredService<DailyPostScheduler>();

        // As DailyPostService does: rounds until nothing is left (one, unless a post failed and waits for its retry).
        var stopwatch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var start = clock.GetUtcNow();
        var sent = 0;
        var rounds = 0;
        while (sent < settings.DailySubscriptions && rounds < 5)
        {
            if (rounds++ > 0) await Task.Delay(DailyPostScheduler.FirstBackoff, clock);
            sent += await scheduler.RunDueAsync(clock.GetUtcNow(), CancellationToken.None);
        }

        var simulated = clock.GetUtcNow() - start;
        stopwatch.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        SqliteConnection.ClearAllPools();

        var share = discord.SteadyRate() / DiscordRateLimiter.GlobalPerSecond;
        var subscriptions = settings.DailySubscriptions.ToString("N0", CultureInfo.InvariantCulture);
        return
        [
            BenchRow.Info(section, $"scheduler, {subscriptions} subscriptions due the same minute: posted / channels, rounds", string.Create(CultureInfo.InvariantCulture, $"{sent:N0} / {discord.Channels:N0}, {rounds}")),
            BenchRow.Info(section, "scheduler: simulated time (clock ×" + settings.DailyTimeFactor.ToString(CultureInfo.InvariantCulture) + "), wall time, CPU time", string.Create(CultureInfo.InvariantCulture, $"{simulated.TotalSeconds:0} s, {stopwatch.Elapsed.TotalSeconds:0.0} s, {cpu.TotalSeconds:0.0} s")),
            new(section, "scheduler: achieved share of the 50 req/s ceiling (simulated time)", share.ToString("0.0%", CultureInfo.InvariantCulture), "≥ 95 %", share >= 0.95),
            new(section, "scheduler: duplicates (a channel posted twice)", discord.Duplicates.ToString(CultureInfo.InvariantCulture), "0", discord.Duplicates == 0),
            BenchRow.Info(section, "scheduler: 429s from the fake Discord", discord.Rejected.ToString(CultureInfo.InvariantCulture)),
        ];
    }

    // Written in one transaction: 100,000 saves one by one would time the disk's syncs, not the scheduler. The rows
    // are what SubscriptionStore.SaveAsync writes; the first open creates the schema as in the bot.
    private static async Task SubscribeAsync(BotDatabase database, int count, DateTimeOffset now)
    {
        var minute = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand("INSERT INTO subscriptions (platform, channel_id, local_time, zone, since) VALUES ('Discord', @channel, @time, 'Etc/UTC', @since)", transaction)
            .With("@channel", string.Empty)
            .With("@time", minute.ToString("HH:mm", CultureInfo.InvariantCulture))
            .With("@since", database.Instant(minute.AddDays(-1)));
        for (var i = 0; i < count; i++)
        {
            insert.Parameters["@channel"].Value = (200_000_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture);
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}
