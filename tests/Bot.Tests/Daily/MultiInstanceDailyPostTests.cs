using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kuril.Bot.Commands;
using Kuril.Bot.Daily;
using Kuril.Bot.Discord;
using Kuril.Bot.Hosting;
using Kuril.Bot.Storage;
using Kuril.Bot.Tests.Discord.Rest;
using Kuril.Bot.Tests.Support;
using Kuril.Knowledge.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kuril.Bot.Tests.Daily;

/// <summary>
/// Two bot instances (each its own connections, REST client, rate limiter and scheduler) on one PostgreSQL database,
/// posting to one fake Discord over a simulated day; one of them dies in the middle of the day's biggest batch.
/// </summary>
[Collection(ClockSensitiveCollection.Name)]
public sealed partial class MultiInstanceDailyPostTests(PostgresServer server) : IAsyncLifetime
{
    private const int Channels = 1_000;
    private const int BatchAtMidnightUtc = 400; // 09:00 in Tokyo
    private const int DeathAfterSends = 60;
    private static readonly DateTimeOffset Start = new(2026, 8, 18, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Zones = ["UTC", "Asia/Tokyo", "Europe/Moscow", "America/New_York", "Asia/Kolkata", "Asia/Kamchatka", "Asia/Sakhalin", "Pacific/Chatham"];

    private readonly List<BotDatabase> _databases = [];
    private readonly List<DiscordRest> _clients = [];
    private readonly FakeTimeProvider _clock = new(Start);
    private FakeDiscordServer _discord = null!;
    private string _connectionString = string.Empty;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _connectionString = await server.CreateDatabaseAsync(Ct);
        _discord = await FakeDiscordServer.StartAsync(TimeProvider.System);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients) client.Dispose();
        foreach (var database in _databases) await database.DisposeAsync();
        await _discord.DisposeAsync();
    }

    [Fact(Timeout = 300_000)]
    public async Task Every_channel_gets_exactly_one_post_from_two_instances_even_when_one_dies_mid_batch()
    {
        using var death = new CancellationTokenSource();
        var survivor = Instance("survivor", death: null);
        var dying = Instance("dying", death);
        await SubscribeAsync(survivor.Store);

        // The simulated day: a round a minute, both instances at once while both live.
        var dyingAlive = true;
        for (var minute = 0; minute < 24 * 60; minute++)
        {
            var now = Start.AddMinutes(minute);
            _clock.SetUtcNow(now);
            var rounds = new List<Task> { survivor.Scheduler.RunDueAsync(now, Ct) };
            if (dyingAlive) rounds.Add(dying.Scheduler.RunDueAsync(now, death.Token));
            try
            {
                await Task.WhenAll(rounds);
            }
            catch (OperationCanceledException) when (death.IsCancellationRequested)
            {
                dyingAlive = false; // killed: it never runs again, and its claims stay as it left them
            }
        }

        var posts = _discord.Requests
            .Where(r => r.Method == "POST" && ChannelMessages().IsMatch(r.Path))
            .Select(r => (Channel: ChannelMessages().Match(r.Path).Groups[1].Value, Instance: r.Authorization, Nonce: (string?)JsonNode.Parse(r.Body)!["nonce"]))
            .Where(p => p.Nonce is not null && DayNonce().IsMatch(p.Nonce))
            .ToList();
        var byChannel = posts.GroupBy(p => p.Channel).ToDictionary(g => g.Key, g => g.ToList());

        Assert.False(dyingAlive, "the dying instance was never killed");
        Assert.Equal(Channels, byChannel.Count);

        // One post each as Discord shows it: every request for a channel carries the same day's nonce, enforced.
        Assert.All(byChannel.Values, requests => Assert.Single(requests.Select(r => r.Nonce).Distinct()));

        // A second request only where the dead instance had claimed and may have sent: the survivor's take-over.
        var repeated = byChannel.Values.Where(r => r.Count > 1).ToList();
        Assert.All(repeated, requests =>
        {
            Assert.Equal(2, requests.Count);
            Assert.Equal("Bot dying", requests[0].Instance);
            Assert.Equal("Bot survivor", requests[1].Instance);
        });
        Assert.True(posts.Count(p => p.Instance == "Bot dying") >= DeathAfterSends);
        Assert.Equal(Channels, await SentInLedgerAsync(survivor.Database));
    }

    private static async Task SubscribeAsync(ISubscriptionStore store)
    {
        for (var i = 0; i < Channels; i++)
        {
            var channel = new ChannelKey(Platform.Discord, (100_000 + i).ToString(CultureInfo.InvariantCulture));
            var subscription = i < BatchAtMidnightUtc
                ? new Subscription(channel, new TimeOnly(9, 0), "Asia/Tokyo", Start)
                : new Subscription(channel, TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(i * 37 % (24 * 60))), Zones[i % Zones.Length], Start);
            await store.SaveAsync(subscription, Ct);
        }
    }

    private (BotDatabase Database, ISubscriptionStore Store, DailyPostScheduler Scheduler) Instance(string name, CancellationTokenSource? death)
    {
        var database = new PostgresBotDatabase(Options.Create(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = _connectionString }), NullLoggerFactory.Instance);
        _databases.Add(database);
        var store = new SubscriptionStore(database);
        HttpMessageHandler handler = new SocketsHttpHandler();
        if (death is not null) handler = new DyingHandler(death, DeathAfterSends) { InnerHandler = handler };

        var options = Options.Create(new DiscordOptions { ApplicationId = "42", Token = name, ApiBaseUrl = _discord.BaseAddress });
        var discordRest = new DiscordRest(options.Value, TimeProvider.System, primary: handler);
        _clients.Add(discordRest);
        var rest = discordRest.Client;
        var knowledge = Options.Create(new KnowledgeOptions { CorpusPath = RepoPaths.Corpus });
        var metrics = new BotMetrics(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        var scheduler = new DailyPostScheduler(
            store,
            new DailyPostBuilder(new TimelineCache(knowledge, NullLogger<TimelineCache>.Instance)),
            [new DiscordDailyPostSender(rest)],
            _clock,
            metrics,
            Options.Create(new DailyPostOptions()),
            NullLogger<DailyPostScheduler>.Instance);
        return (database, store, scheduler);
    }

    private static async Task<long> SentInLedgerAsync(BotDatabase database)
    {
        await using var connection = await database.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM daily_posts WHERE state = 'sent'";
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    [GeneratedRegex(@"^/api/v10/channels/(\d+)/messages$")]
    private static partial Regex ChannelMessages();

    [GeneratedRegex(@"^kuril-daily-\d{8}$")]
    private static partial Regex DayNonce();

    /// <summary>
    /// The instance's death as its HTTP client sees it: after some posts have reached Discord, the process is gone,
    /// between a post's answer and the ledger's "sent", while its other posts are in flight.
    /// </summary>
    private sealed class DyingHandler(CancellationTokenSource death, int after) : DelegatingHandler
    {
        private int _sent;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            death.Token.ThrowIfCancellationRequested();
            var response = await base.SendAsync(request, cancellationToken);
            if (request.Method == HttpMethod.Post && Interlocked.Increment(ref _sent) == after)
            {
                response.Dispose();
                await death.CancelAsync();
                death.Token.ThrowIfCancellationRequested();
            }

            return response;
        }
    }
}
