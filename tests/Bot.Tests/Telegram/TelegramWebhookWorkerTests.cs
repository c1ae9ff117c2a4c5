using System.Diagnostics;
using System.Text.Json.Nodes;
using Kuril.Bot.Commands;
using Kuril.Bot.Telegram;
using Microsoft.Extensions.DependencyInjection;

namespace Kuril.Bot.Tests.Telegram;

/// <summary>The webhook worker against the fake Bot API on loopback, with the real per-chat send pacing.</summary>
public sealed class TelegramWebhookWorkerTests : IAsyncLifetime
{
    private const int TestTimeout = 60_000;
    private const long Flooder = 3;
    private const long Bystander = 5;
    private const int Permits = 2;

    private FakeTelegramServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await FakeTelegramServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact(Timeout = TestTimeout)]
    public async Task Another_chat_is_answered_promptly_while_one_chat_floods()
    {
        // Ten answers to pace at one a second in the flooder's chat: taken one update at a time, the bystander waits them out.
        await using var bot = Bot(permits: 10);
        var worker = ActivatorUtilities.CreateInstance<TelegramWebhookWorker>(bot.Services);
        var queue = bot.Get<TelegramWebhookQueue>();
        for (var id = 1; id <= 40; id++) queue.TryEnqueue(Ask(id, Flooder));
        queue.TryEnqueue(Ask(41, Bystander));

        var clock = Stopwatch.StartNew();
        await worker.StartAsync(TestContext.Current.CancellationToken);
        await Eventually(() => SentTo(Bystander) == 1);
        var waited = clock.Elapsed;
        await worker.StopAsync(CancellationToken.None);

        Assert.True(waited < TimeSpan.FromSeconds(5), $"the other chat waited {waited}");
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_flooding_user_is_told_to_slow_down_once_per_wait()
    {
        await using var bot = Bot(Permits);
        var worker = ActivatorUtilities.CreateInstance<TelegramWebhookWorker>(bot.Services);
        var queue = bot.Get<TelegramWebhookQueue>();
        for (var id = 1; id <= 40; id++) queue.TryEnqueue(Ask(id, Flooder));

        await worker.StartAsync(TestContext.Current.CancellationToken);
        await Eventually(() => SentTo(Flooder) >= Permits + 1);
        await Task.Delay(1500, TestContext.Current.CancellationToken); // a second notice would be paced a second behind
        await worker.StopAsync(CancellationToken.None);

        // The answers the limit allows, then one notice for the other 38.
        var texts = _server.To("sendMessage").Where(c => ChatOf(c) == Flooder).Select(c => (string?)JsonNode.Parse(c.Body)!["text"]).ToList();
        Assert.Equal(Permits + 1, texts.Count);
        Assert.Contains("slow down", texts[^1], StringComparison.OrdinalIgnoreCase);
    }

    private TelegramTestBot Bot(int permits)
    {
        var bot = new TelegramTestBot(_server.BaseAddress, services: s => s.Configure<CommandOptions>(o => o.RateLimitPermits = permits));
        bot.Get<TelegramBotIdentity>().Set(TelegramWire.FakeBot);
        return bot;
    }

    private int SentTo(long chat) => _server.To("sendMessage").Count(c => ChatOf(c) == chat);

    private static long ChatOf(FakeTelegramServer.Call call) => (long)JsonNode.Parse(call.Body)!["chat_id"]!;

    private static global::Telegram.Bot.Types.Update Ask(int id, long chat) => TelegramWire.Update(
        $$$"""{"update_id":{{{id}}},"message":{"message_id":{{{id}}},"date":1,"chat":{"id":{{{chat}}},"type":"private"},"from":{"id":{{{chat}}},"is_bot":false,"first_name":"U"},"text":"/kuril ask When was the Yalta conference?"}}""");

    private static async Task Eventually(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition() && clock.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(25, TestContext.Current.CancellationToken);
        Assert.True(condition());
    }
}
