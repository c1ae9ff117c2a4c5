using System.Text.Json.Nodes;
using Kuril.Bot.Commands;
using Kuril.Bot.Daily;
using Kuril.Bot.Discord;
using Kuril.Bot.Tests.Discord.Rest;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Tests.Daily;

/// <summary>Daily posts through the real Discord REST client to a fake Discord on loopback.</summary>
public sealed class DiscordDailyPostSenderTests : IAsyncLifetime
{
    private const int TestTimeout = 60_000;
    private DailyPostRig _rig = null!;
    private FakeDiscordServer _server = null!;
    private DiscordRest _rest = null!;
    private DailyPostScheduler _scheduler = null!;

    public async ValueTask InitializeAsync()
    {
        _rig = new DailyPostRig(new DateTimeOffset(2026, 8, 17, 12, 0, 0, TimeSpan.Zero));
        _server = await FakeDiscordServer.StartAsync(_rig.Time);
        var options = Options.Create(new DiscordOptions { ApplicationId = "42", Token = "secret-token", ApiBaseUrl = _server.BaseAddress });
        _rest = new DiscordRest(options.Value, _rig.Time);
        var rest = _rest.Client;
        _scheduler = _rig.Scheduler(new DiscordDailyPostSender(rest));
    }

    public async ValueTask DisposeAsync()
    {
        _rest.Dispose();
        await _server.DisposeAsync();
        _rig.Dispose();
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Posts_reach_the_channel_with_the_days_nonce_enforced()
    {
        await _rig.SubscribeAsync(Platform.Discord, "123", "09:00", "Asia/Tokyo");
        _rig.Time.SetUtcNow(new DateTimeOffset(2026, 8, 18, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(1, await _rig.RunAsync(_scheduler));
        Assert.Equal(0, await _rig.RunAsync(_scheduler));

        var request = Assert.Single(_server.To("channels/123/messages"));
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("kuril-daily-20260818", (string?)body["nonce"]);
        Assert.True((bool?)body["enforce_nonce"]);
        Assert.Null(body["flags"]); // a post for the channel, not an ephemeral reply
        Assert.Contains("18 August", request.Body, StringComparison.Ordinal);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_channel_discord_calls_unknown_is_unsubscribed()
    {
        await _rig.SubscribeAsync(Platform.Discord, "404", "09:00", "UTC");
        _server.Enqueue("channels/404/messages", 404, """{"message":"Unknown Channel","code":10003}""");
        _rig.Time.SetUtcNow(new DateTimeOffset(2026, 8, 18, 9, 0, 0, TimeSpan.Zero));

        await _rig.RunAsync(_scheduler);
        _rig.Time.SetUtcNow(new DateTimeOffset(2026, 8, 19, 9, 0, 0, TimeSpan.Zero));
        await _rig.RunAsync(_scheduler);

        Assert.Single(_server.To("channels/404/messages"));
        Assert.Null(await _rig.Store.FindAsync(new ChannelKey(Platform.Discord, "404"), TestContext.Current.CancellationToken));
    }
}
