using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Kuril.Bot.Tests.Discord.Gateway;
using Kuril.Bot.Tests.Support;
using Kuril.Bot.Tests.Telegram;

namespace Kuril.Bot.Tests.Hosting.Supervision;

/// <summary>
/// The real bot process on Discord's Gateway and Telegram's long polling, both fakes on loopback: what one platform
/// throws restarts that platform's part alone.
/// </summary>
public sealed class SupervisionProcessTests : IAsyncLifetime
{
    private readonly string _dataPath = Directory.CreateTempSubdirectory("kuril-supervision-").FullName;
    private FakeDiscordGateway _discord = null!;
    private FakeTelegramServer _telegram = null!;
    private RunningBot _bot = null!;

    public async ValueTask InitializeAsync()
    {
        _discord = await FakeDiscordGateway.StartAsync();
        _telegram = await FakeTelegramServer.StartAsync();
        _bot = await RunningBot.StartAsync(new Dictionary<string, string>
        {
            ["Discord__Token"] = "supervision-test-token",
            ["Discord__ApiBaseUrl"] = _discord.ApiBaseAddress.ToString(),
            ["Telegram__Token"] = "123:ABC",
            ["Telegram__ApiBaseUrl"] = _telegram.BaseAddress.ToString(),
            ["Knowledge__DataPath"] = _dataPath,
            ["Knowledge__WatchCorpus"] = "false",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _telegram.DisposeAsync();
        await _discord.DisposeAsync();
        Directory.Delete(_dataPath, recursive: true);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_shard_that_throws_restarts_alone_while_telegram_keeps_answering()
    {
        // A Hello without its heartbeat interval: the shard meets an exception no code of its own expects.
        var broken = await _discord.NextConnectionAsync(TimeSpan.FromSeconds(60));
        await broken.SendAsync(new JsonObject { ["op"] = 10, ["d"] = new JsonObject() });
        await _bot.WaitForLogAsync("discord shard 0 failed", TimeSpan.FromSeconds(30));

        _telegram.Enqueue("getUpdates", 200, """{"ok":true,"result":[{"update_id":1,"message":{"message_id":1,"date":1,"chat":{"id":3,"type":"private"},"from":{"id":3,"is_bot":false,"first_name":"U"},"text":"/kuril help"}}]}""");
        var clock = Stopwatch.StartNew();
        while (_telegram.To("sendMessage").Count == 0 && clock.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.Single(_telegram.To("sendMessage"));

        var again = await _discord.NextConnectionAsync(TimeSpan.FromSeconds(30));
        await again.HelloAsync(30_000);
        Assert.Equal(2, (await again.NextAsync())["op"]!.GetValue<int>());

        using var http = new HttpClient { BaseAddress = _bot.Address };
        using var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var health = JsonNode.Parse(await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.ToJsonString();
        Assert.Contains("discord shard 0", health, StringComparison.Ordinal);
        Assert.Contains("restarted 1", health, StringComparison.Ordinal);
    }
}
