using System.Diagnostics;
using System.Text.Json.Nodes;
using Kuril.Bot.Hosting.Supervision;
using Kuril.Bot.Storage;
using Kuril.Bot.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Tests.Telegram;

/// <summary>Long polling and webhook set-up against the fake Bot API on loopback, on the real clock.</summary>
public sealed class TelegramBotServiceTests : IAsyncLifetime
{
    private const int TestTimeout = 30_000;

    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "kuril-telegram-tests-" + Guid.NewGuid().ToString("N"));
    private FakeTelegramServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await FakeTelegramServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataPath)) Directory.Delete(_dataPath, recursive: true);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task The_offset_is_the_last_handled_update_plus_one_and_survives_a_restart()
    {
        _server.Enqueue("getUpdates", 200, Updates(10, 11));
        await using (var bot = new TelegramTestBot(_server.BaseAddress, dataPath: _dataPath))
        {
            await bot.StartAsync();
            await Eventually(() => _server.To("getUpdates").Count >= 2);
        }

        Assert.Equal(2, _server.To("sendMessage").Count);
        Assert.Equal(12, (long)JsonNode.Parse(_server.To("getUpdates")[1].Body)!["offset"]!);

        // A server that ignores the offset sends update 11 again after the restart: it is not answered twice.
        var before = _server.To("getUpdates").Count;
        _server.Enqueue("getUpdates", 200, Updates(11, 12));
        await using (var bot = new TelegramTestBot(_server.BaseAddress, dataPath: _dataPath))
        {
            await bot.StartAsync();
            await Eventually(() => _server.To("getUpdates").Count >= before + 2);
        }

        Assert.Equal(12, (long)JsonNode.Parse(_server.To("getUpdates")[before].Body)!["offset"]!);
        Assert.Equal(3, _server.To("sendMessage").Count);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Updates_arriving_out_of_order_are_each_answered_once()
    {
        await using var bot = new TelegramTestBot(_server.BaseAddress, dataPath: _dataPath);
        bot.Get<TelegramBotIdentity>().Set(TelegramWire.FakeBot);
        var processor = bot.Get<TelegramUpdateProcessor>();
        var updates = TelegramWire.Updates(Updates(21, 20, 21, 20));

        var outcomes = new List<ClaimOutcome>();
        foreach (var update in updates) outcomes.Add(await processor.ProcessAsync(update, TestContext.Current.CancellationToken));

        // As webhook deliveries (or two instances) may bring them: 21 before 20, each again later.
        Assert.Equal([ClaimOutcome.Claimed, ClaimOutcome.Claimed, ClaimOutcome.Settled, ClaimOutcome.Settled], outcomes);
        Assert.Equal(2, _server.To("sendMessage").Count);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task The_webhook_worker_outlives_a_database_that_is_away()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = "Host=127.0.0.1;Port=1;Username=kuril;Password=x;Timeout=1",
        };
        using var away = new TestBot(settings, services => services.Configure<TelegramOptions>(o => o.Token = "123:ABC").AddTelegramAdapter());
        away.Services.GetRequiredService<TelegramBotIdentity>().Set(TelegramWire.FakeBot);
        var queue = away.Services.GetRequiredService<TelegramWebhookQueue>();
        var worker = new TelegramWebhookWorker(queue, away.Services.GetRequiredService<TelegramUpdateProcessor>(), away.Services.GetRequiredService<IOptions<TelegramOptions>>(), Microsoft.Extensions.Logging.Abstractions.NullLogger<TelegramWebhookWorker>.Instance, away.Services.GetRequiredService<Supervisor>());
        var updates = TelegramWire.Updates(Updates(31, 32));

        await worker.StartAsync(TestContext.Current.CancellationToken);
        foreach (var update in updates) Assert.Equal(TelegramEnqueueOutcome.Queued, queue.TryEnqueue(update));
        await Task.Delay(3000, TestContext.Current.CancellationToken); // both updates meet the refused connection

        Assert.False(worker.ExecuteTask!.IsCompleted, "the worker stopped: " + worker.ExecuteTask.Exception);
        await worker.StopAsync(CancellationToken.None);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Empty_polls_that_return_at_once_never_spin()
    {
        await using var bot = new TelegramTestBot(_server.BaseAddress, dataPath: _dataPath);
        await bot.StartAsync();

        await Task.Delay(1000, TestContext.Current.CancellationToken);

        // EmptyPollDelay is 200 ms in these tests: about five polls a second, never hundreds.
        Assert.InRange(_server.To("getUpdates").Count, 1, 8);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_409_conflict_is_retried_slowly()
    {
        _server.Enqueue("getUpdates", 409, """{"ok":false,"error_code":409,"description":"Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"}""");
        await using var bot = new TelegramTestBot(_server.BaseAddress, dataPath: _dataPath);
        await bot.StartAsync();

        await Eventually(() => _server.To("getUpdates").Count >= 2);

        var polls = _server.To("getUpdates");
        Assert.True(polls[1].At - polls[0].At >= TimeSpan.FromSeconds(0.9), "ConflictDelay (1 s in tests) passes before the next poll");
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Polling_after_a_webhook_deletes_the_webhook_once_and_keeps_its_pending_updates()
    {
        const string WebhookActive = """{"ok":false,"error_code":409,"description":"Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"}""";
        _server.Enqueue("getUpdates", 409, WebhookActive);
        _server.Enqueue("getUpdates", 409, WebhookActive);
        _server.Enqueue("getUpdates", 200, Updates(1));
        await using var bot = new TelegramTestBot(_server.BaseAddress, dataPath: _dataPath);
        await bot.StartAsync();

        await Eventually(() => _server.To("sendMessage").Count == 1);

        // Once: a second 409 is another poller's (or a webhook set again), waited out rather than fought over.
        var delete = Assert.Single(_server.To("deleteWebhook"));
        Assert.NotEqual(true, (bool?)JsonNode.Parse(delete.Body.Length == 0 ? "{}" : delete.Body)!["drop_pending_updates"]);
        var polls = _server.To("getUpdates");
        Assert.True(polls[2].At - polls[1].At >= TimeSpan.FromSeconds(0.9), "the second 409 waited ConflictDelay");
    }

    [Fact(Timeout = TestTimeout)]
    public async Task With_a_webhook_url_the_bot_sets_the_webhook_with_its_secret_and_does_not_poll()
    {
        await using var bot = new TelegramTestBot(_server.BaseAddress, dataPath: _dataPath, configure: o => o.WebhookUrl = new Uri("https://bot.example.org/telegram/webhook"));
        await bot.StartAsync();

        await Eventually(() => _server.To("setWebhook").Count == 1);
        var body = JsonNode.Parse(_server.To("setWebhook")[0].Body)!;
        Assert.Equal("https://bot.example.org/telegram/webhook", (string?)body["url"]);
        Assert.Equal(bot.Get<TelegramWebhookSecret>().Value, (string?)body["secret_token"]);
        Assert.Matches("^[A-Za-z0-9_-]{32,256}$", (string)body["secret_token"]!);
        Assert.Equal(3, body["allowed_updates"]!.AsArray().Count);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.Empty(_server.To("getUpdates"));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_failing_command_menu_does_not_stop_the_bot()
    {
        for (var i = 0; i < 4; i++) _server.Enqueue("setMyCommands", 500, """{"message":"not supported"}""");
        _server.Enqueue("getUpdates", 200, Updates(1));
        await using var bot = new TelegramTestBot(_server.BaseAddress, dataPath: _dataPath);
        await bot.StartAsync();

        await Eventually(() => _server.To("sendMessage").Count == 1);
    }

    private static string Updates(params long[] ids) =>
        """{"ok":true,"result":[""" + string.Join(',', ids.Select(id =>
            $$$"""{"update_id":{{{id}}},"message":{"message_id":{{{id}}},"date":1,"chat":{"id":3,"type":"private"},"from":{"id":3,"is_bot":false,"first_name":"U"},"text":"/kuril help"}}""")) + "]}";

    private static async Task Eventually(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition() && clock.Elapsed < TimeSpan.FromSeconds(15)) await Task.Delay(25, TestContext.Current.CancellationToken);
        Assert.True(condition());
    }
}
