using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kuril.Bot.Discord;
using Kuril.Bot.Discord.Gateway;
using Kuril.Bot.Hosting;
using Kuril.Bot.Hosting.Supervision;
using Kuril.Bot.Tests.Discord.Rest;
using Kuril.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Tests.Discord.Gateway;

/// <summary>
/// The Gateway transport against a fake Discord that scripts the server side. Time runs through an accelerated clock
/// (10×), so heartbeats and the Invalid Session wait follow their real schedule quickly.
/// </summary>
public sealed class DiscordGatewayTests : IAsyncLifetime
{
    private const int TestTimeout = 60_000;
    private const int HeartbeatMs = 5_000; // 500 ms of real time
    private const string Token = "gateway-test-token-0000";

    private readonly AcceleratedTimeProvider _time = new(10);
    private readonly CancellationTokenSource _stop = new();
    private FakeDiscordGateway _discord = null!;
    private DiscordRest _rest = null!;
    private DiscordGatewayService _service = null!;
    private GatewayStatus _status = null!;
    private CountingHandler _handler = null!;
    private SupervisionState _supervision = null!;

    public async ValueTask InitializeAsync()
    {
        _discord = await FakeDiscordGateway.StartAsync();
        var options = Options.Create(new DiscordOptions { Token = Token, ApiBaseUrl = _discord.ApiBaseAddress });
        _rest = new DiscordRest(options.Value, _time);
        var rest = _rest.Client;
        _status = new GatewayStatus();
        _handler = new CountingHandler();
        _supervision = new SupervisionState();
        var metrics = new BotMetrics(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>());
        var supervisor = new Supervisor(_supervision, metrics, _time, NullLogger<Supervisor>.Instance);
        _service = new DiscordGatewayService(rest, _handler, _status, options, _time, NullLogger<DiscordGatewayService>.Instance, supervisor);
        await _service.StartAsync(_stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _service.StopAsync(CancellationToken.None);
        _service.Dispose();
        _rest.Dispose();
        await _discord.DisposeAsync();
        _stop.Dispose();
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Identifies_with_the_token_and_answers_an_interaction_through_the_callback()
    {
        var connection = await ReadyAsync();

        await connection.DispatchAsync("INTERACTION_CREATE", 2, new JsonObject { ["id"] = "900", ["token"] = "itoken", ["type"] = 2, ["application_id"] = "42" });

        await EventuallyAsync(() => !_discord.Callbacks.IsEmpty);
        var (path, body) = Assert.Single(_discord.Callbacks);
        Assert.Equal("/api/v10/interactions/900/itoken/callback", path);
        Assert.Equal(4, JsonNode.Parse(body)!["type"]!.GetValue<int>());
        Assert.Equal("ready", _status.StateOf(0));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Heartbeats_at_the_interval_Hello_gives()
    {
        var connection = await ReadyAsync();

        await EventuallyAsync(() => connection.Heartbeats >= 3);
        Assert.Contains("ms", _status.Describe()["shard 0"], StringComparison.Ordinal);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Resumes_with_the_session_and_sequence_after_a_reconnect_request()
    {
        var first = await ReadyAsync();
        await first.DispatchAsync("GUILD_CREATE", 5, new JsonObject());

        await first.SendAsync(new JsonObject { ["op"] = 7, ["d"] = null });

        var second = await _discord.NextConnectionAsync();
        Assert.Equal("/resume", second.Path);
        await second.HelloAsync(HeartbeatMs);
        var resume = await second.NextAsync();
        Assert.Equal(6, resume["op"]!.GetValue<int>());
        Assert.Equal("session-1", (string?)resume["d"]!["session_id"]);
        Assert.Equal(5, resume["d"]!["seq"]!.GetValue<long>());
        Assert.Equal(Token, (string?)resume["d"]!["token"]);
        await second.DispatchAsync("RESUMED", 6, new JsonObject());
        await EventuallyAsync(() => _status.StateOf(0) == "ready");
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Closes_a_zombie_connection_and_resumes()
    {
        var first = await ReadyAsync();
        first.AcknowledgeHeartbeats = false;

        var second = await _discord.NextConnectionAsync();
        await second.HelloAsync(HeartbeatMs);
        var resume = await second.NextAsync();

        Assert.Equal(6, resume["op"]!.GetValue<int>());
        Assert.Equal("session-1", (string?)resume["d"]!["session_id"]);
        await first.Closed.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Identifies_afresh_after_an_invalid_session_and_a_wait_of_one_to_five_seconds()
    {
        var connection = await ReadyAsync();
        var invalidated = _time.GetUtcNow();

        await connection.SendAsync(new JsonObject { ["op"] = 9, ["d"] = false });
        var identify = await connection.NextAsync();

        Assert.Equal(2, identify["op"]!.GetValue<int>());
        var waited = _time.GetUtcNow() - invalidated;
        Assert.InRange(waited.TotalSeconds, 1, 7);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Identifies_afresh_after_reconnect_resume_and_invalid_session_twenty_times_in_a_row()
    {
        // A 1.5 s heartbeat is shorter than the 1–5 s Discord asks for before the fresh Identify: the socket must be
        // read meanwhile, or the unread ACKs make the heartbeat take the connection for a zombie.
        const int ShortHeartbeatMs = 1_500;
        var connection = await ReadyAsync(ShortHeartbeatMs);
        for (var round = 1; round <= 20; round++)
        {
            await connection.SendAsync(new JsonObject { ["op"] = 7, ["d"] = null });
            var resumed = await _discord.NextConnectionAsync();
            await resumed.HelloAsync(ShortHeartbeatMs);
            Assert.Equal(6, (await resumed.NextAsync())["op"]!.GetValue<int>());

            await resumed.SendAsync(new JsonObject { ["op"] = 9, ["d"] = false });

            var identify = await resumed.NextAsync();
            Assert.True(2 == identify["op"]!.GetValue<int>(), $"round {round}: {identify.ToJsonString()}");
            await resumed.DispatchAsync("READY", 1, new JsonObject { ["session_id"] = "session-" + round, ["resume_gateway_url"] = _discord.ResumeUrl });
            await EventuallyAsync(() => _status.StateOf(0) == "ready");
            connection = resumed;
        }

        Assert.Empty(_supervision.Failures);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_shard_that_throws_is_restarted_alone()
    {
        var broken = await _discord.NextConnectionAsync();
        await broken.SendAsync(new JsonObject { ["op"] = 10, ["d"] = new JsonObject() }); // a Hello without its interval

        await ReadyAsync();

        Assert.Equal(1, _supervision.Failures["discord shard 0"].Restarts);
        Assert.False(_service.ExecuteTask!.IsCompleted);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Stops_without_retrying_when_Discord_refuses_the_token()
    {
        var connection = await _discord.NextConnectionAsync();
        await connection.HelloAsync(HeartbeatMs);
        await connection.NextAsync();

        await connection.CloseAsync(4004, "Authentication failed.");

        await EventuallyAsync(() => _status.StateOf(0) == "stopped");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _discord.NextConnectionAsync(TimeSpan.FromSeconds(2)));
    }

    // Hello, the bot's Identify (checked), READY with a resume address.
    private async Task<FakeGatewayConnection> ReadyAsync(int heartbeatMs = HeartbeatMs)
    {
        var connection = await _discord.NextConnectionAsync();
        Assert.Equal("/gateway", connection.Path);
        await connection.HelloAsync(heartbeatMs);
        var identify = await connection.NextAsync();
        Assert.Equal(2, identify["op"]!.GetValue<int>());
        Assert.Equal(Token, (string?)identify["d"]!["token"]);
        Assert.Equal(0, identify["d"]!["intents"]!.GetValue<int>());
        Assert.Equal("[0,1]", identify["d"]!["shard"]!.ToJsonString());
        await connection.DispatchAsync("READY", 1, new JsonObject { ["session_id"] = "session-1", ["resume_gateway_url"] = _discord.ResumeUrl });
        await EventuallyAsync(() => _status.StateOf(0) == "ready");
        return connection;
    }

    private static async Task EventuallyAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.True(condition());
    }

    private sealed class CountingHandler : IDiscordInteractionHandler
    {
        public Task<string> HandleAsync(JsonElement interaction, CancellationToken cancellationToken) =>
            Task.FromResult("""{"type":4,"data":{"content":"answer","allowed_mentions":{"parse":[]}}}""");
    }
}
