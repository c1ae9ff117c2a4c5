using System.Diagnostics;
using System.Globalization;
using Kuril.Bot.Hosting;
using Kuril.Bot.Storage;
using Kuril.Knowledge.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NSec.Cryptography;

namespace Kuril.Bench;

/// <summary>
/// The kill -9 chaos run of issue 18: real bot processes (one on SQLite, or several on one PostgreSQL database) post
/// a day's post to Discord channels and Telegram chats whose subscriptions all fall due at once, to
/// <see cref="ChaosPlatforms"/> on loopback, and are killed with SIGKILL at random moments while they post and started
/// again each time; then they are left to finish, and what each platform shows is counted. The bench's <c>chaos</c>
/// section and <c>ChaosTests</c> (smaller) run it.
/// </summary>
public static class ChaosRun
{
    // Channel ids far from each other's and from any test's.
    private const long FirstDiscordChannel = 300_000_000_000_000_000L;
    private const long FirstTelegramChat = 700_000_000L;

    // Instances sharing one database must share the key user ids are stored under.
    private static readonly string IdKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    /// <param name="plan">What to run.</param>
    /// <param name="postgres">A PostgreSQL connection string (to an empty database), or null for SQLite.</param>
    /// <param name="cancellationToken">Ends the run early.</param>
    public static async Task<ChaosResult> RunAsync(ChaosPlan plan, string? postgres, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var platforms = await ChaosPlatforms.StartAsync();
        var folders = Enumerable.Range(0, plan.Instances).Select(_ => new TempFolder("kuril-chaos")).ToList();
        using var publicKey = Key.Create(SignatureAlgorithm.Ed25519);
        var publicKeyHex = Convert.ToHexStringLower(publicKey.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        var bots = new List<ChaosBot>();
        try
        {
            await using var store = Store(folders[0].Path, postgres);
            var database = store.GetRequiredService<BotDatabase>();
            await database.MigrateAsync(cancellationToken);
            await SubscribeAsync(database, plan.Subscriptions, cancellationToken);

            for (var i = 0; i < plan.Instances; i++)
            {
                var data = folders[i].Path;
                bots.Add(new ChaosBot(((char)('a' + i)).ToString(), suffix => Environment(plan, platforms, publicKeyHex, data, postgres, suffix)));
            }

            foreach (var bot in bots) bot.Start();
            var random = new Random(plan.Seed);
            var kills = 0;
            while (kills < plan.Kills)
            {
                await WhilePostingAsync(bots, platforms, plan, cancellationToken);
                await Task.Delay(plan.MaxKillDelay * random.NextDouble(), cancellationToken);

                // Two instances: one or the other, or both at once (a host going down with both).
                var victims = bots.Count == 1 ? bots : random.Next(5) switch
                {
                    < 2 => [bots[0]],
                    < 4 => [bots[1]],
                    _ => plan.Kills - kills >= 2 ? bots : [bots[random.Next(2)]],
                };
                foreach (var victim in victims) await victim.KillAsync();
                kills += victims.Count;
                foreach (var victim in victims) victim.Start();
            }

            var expected = plan.Subscriptions;
            var finished = false;
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < plan.Deadline)
            {
                Alive(bots);
                var (discord, telegram) = platforms.Count();
                if (await SentInLedgerAsync(database, cancellationToken) == expected && discord.Channels + telegram.Channels == expected)
                {
                    finished = true;
                    break;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }

            // Answers still on their way belong to posts already counted; one latency more lets any late one land.
            await Task.Delay(ChaosPlatforms.Latency * 2, cancellationToken);
            foreach (var bot in bots) await bot.KillAsync();
            var (shownDiscord, shownTelegram) = platforms.Count();
            return new ChaosResult(kills, expected, shownDiscord, shownTelegram, bots.Sum(b => b.ResentAfterCrash), finished, stopwatch.Elapsed, finished ? string.Empty : string.Join("\n", bots.Select(b => b.Tail)));
        }
        finally
        {
            foreach (var bot in bots) await bot.DisposeAsync();
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            foreach (var folder in folders) folder.Dispose();
        }
    }

    // Until a live instance's current generation has posted something, so that the kill lands while it posts; bounded,
    // for when everything is posted already.
    private static async Task WhilePostingAsync(List<ChaosBot> bots, ChaosPlatforms platforms, ChaosPlan plan, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < plan.MaxPostingWait)
        {
            Alive(bots);
            if (bots.Any(b => platforms.PostsBy(DiscordAuthorization(b.Suffix)) + platforms.PostsBy(TelegramToken(b.Suffix)) > 0)) return;
            var (discord, telegram) = platforms.Count();
            if (discord.Channels + telegram.Channels == plan.Subscriptions) return;
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }
    }

    private static void Alive(List<ChaosBot> bots)
    {
        if (bots.FirstOrDefault(b => b.Exited) is { } dead) throw new InvalidOperationException("A bot instance exited on its own:\n" + dead.Tail);
    }

    private static string DiscordAuthorization(string suffix) => "Bot chaos-" + suffix;

    private static string TelegramToken(string suffix) => "4242:chaos-" + suffix;

    private static Dictionary<string, string> Environment(ChaosPlan plan, ChaosPlatforms platforms, string publicKeyHex, string data, string? postgres, string suffix)
    {
        var environment = new Dictionary<string, string>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Knowledge__DataPath"] = data,
            ["Knowledge__WatchCorpus"] = "false",
            ["Discord__ApplicationId"] = "1",
            ["Discord__PublicKey"] = publicKeyHex,
            ["Discord__Token"] = "chaos-" + suffix,
            ["Discord__ApiBaseUrl"] = platforms.DiscordBaseAddress.AbsoluteUri,
            ["Telegram__Token"] = TelegramToken(suffix),
            ["Telegram__ApiBaseUrl"] = platforms.TelegramBaseAddress.AbsoluteUri,
            ["Telegram__PollTimeoutSeconds"] = "1",
            ["DailyPosts__Lease"] = plan.Lease.ToString("c", CultureInfo.InvariantCulture),
            ["DailyPosts__RoundInterval"] = plan.RoundInterval.ToString("c", CultureInfo.InvariantCulture),
            ["Storage__IdKey"] = IdKey,
        };
        if (postgres is not null)
        {
            environment["Storage__Provider"] = "Postgres";
            environment["Storage__ConnectionString"] = postgres;
            environment["Storage__StandbyDelay"] = "00:00:01";
        }

        return environment;
    }

    // The bot's own database registrations, to create the schema, seed and read the ledger as the bot does.
    private static ServiceProvider Store(string data, string? postgres)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Knowledge:CorpusPath"] = RepoPaths.Corpus,
            ["Knowledge:DataPath"] = data,
            ["Storage:Provider"] = postgres is null ? "Sqlite" : "Postgres",
            ["Storage:ConnectionString"] = postgres,
            ["Storage:IdKey"] = IdKey,
        }).Build();
        return new ServiceCollection().AddLogging().AddKnowledge(configuration).AddBot(configuration, interactive: false).BuildServiceProvider();
    }

    // Half Discord channels, half Telegram chats, due a minute ago today in a zone where it is about noon, so that no
    // run crosses the local midnight that would make the day's post yesterday's. One transaction: the rows are what
    // SubscriptionStore.SaveAsync writes.
    private static async Task SubscribeAsync(BotDatabase database, int count, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var offset = 12 - now.Hour;
        var zone = offset switch
        {
            0 => "Etc/UTC",
            > 0 => "Etc/GMT-" + offset.ToString(CultureInfo.InvariantCulture), // the sign is POSIX's, reversed
            _ => "Etc/GMT+" + (-offset).ToString(CultureInfo.InvariantCulture),
        };
        var local = now.ToOffset(TimeSpan.FromHours(offset)).AddMinutes(-1);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = connection.CreateCommand("INSERT INTO subscriptions (platform, channel_id, local_time, zone, since) VALUES (@platform, @channel, @time, @zone, @since)", transaction)
            .With("@platform", string.Empty)
            .With("@channel", string.Empty)
            .With("@time", local.ToString("HH:mm", CultureInfo.InvariantCulture))
            .With("@zone", zone)
            .With("@since", database.Instant(now.AddDays(-1)));
        for (var i = 0; i < count; i++)
        {
            var discord = i % 2 == 0;
            insert.Parameters["@platform"].Value = discord ? "Discord" : "Telegram";
            insert.Parameters["@channel"].Value = ((discord ? FirstDiscordChannel : FirstTelegramChat) + i).ToString(CultureInfo.InvariantCulture);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<int> SentInLedgerAsync(BotDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var count = connection.CreateCommand("SELECT COUNT(*) FROM daily_posts WHERE state = 'sent'");
        return Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}
