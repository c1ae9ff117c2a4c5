using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.Json.Nodes;
using Kuril.Bot.Discord;
using Kuril.Bot.Discord.Rest;
using Kuril.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kuril.Bot.Tests.Discord.Rest;

/// <summary>
/// The REST client against a fake Discord on loopback. Time is a <see cref="FakeTimeProvider"/> moved in small steps
/// while requests run; the fake server stamps each request with that clock, so the tests measure the client's waits.
/// </summary>
public sealed class DiscordRestClientTests : IAsyncLifetime
{
    private const int TestTimeout = 30_000;

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private FakeDiscordServer _server = null!;
    private readonly List<DiscordRest> _rests = [];
    private DiscordRestClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await FakeDiscordServer.StartAsync(_time);
        _client = Client(new DiscordOptions { ApplicationId = "42", Token = "secret-token", ApiBaseUrl = _server.BaseAddress });
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var rest in _rests) rest.Dispose();
        await _server.DisposeAsync();
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Sends_the_bot_token_the_nonce_and_no_mention_parsing()
    {
        var result = await _client.CreateMessageAsync("7", Message(), "n1", TestContext.Current.CancellationToken);

        Assert.Equal(ChannelPostResult.Sent, result);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("Bot secret-token", request.Authorization);
        Assert.Equal("POST", request.Method);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("n1", (string?)body["nonce"]);
        Assert.True((bool?)body["enforce_nonce"]);
        Assert.Empty(body["allowed_mentions"]!["parse"]!.AsArray());
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Waits_retry_after_from_the_body_after_a_route_429()
    {
        _server.Enqueue("channels/7/messages", 429, """{"message":"You are being rate limited.","retry_after":2.5,"global":false}""", ("Retry-After", "9"));

        Assert.Equal(ChannelPostResult.Sent, await SteppedClock.RunAsync(_time, _client.CreateMessageAsync("7", Message(), null, CancellationToken.None)));

        var requests = _server.To("channels/7/messages");
        Assert.Equal(2, requests.Count);
        SteppedClock.AssertGap(requests[0].At, requests[1].At, TimeSpan.FromSeconds(2.5));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Falls_back_to_the_retry_after_header_when_the_body_has_none()
    {
        _server.Enqueue("channels/7/messages", 429, "<html>slow down</html>", ("Retry-After", "3"));

        Assert.Equal(ChannelPostResult.Sent, await SteppedClock.RunAsync(_time, _client.CreateMessageAsync("7", Message(), null, CancellationToken.None)));

        var requests = _server.To("channels/7/messages");
        SteppedClock.AssertGap(requests[0].At, requests[1].At, TimeSpan.FromSeconds(3));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_global_429_pauses_every_route()
    {
        _server.Enqueue("channels/1/messages", 429, """{"retry_after":4,"global":true}""", ("X-RateLimit-Global", "true"));
        var limiter = new DiscordRateLimiter(_time);
        var client = Client(new DiscordOptions { ApplicationId = "42", Token = "t", ApiBaseUrl = _server.BaseAddress }, limiter);

        var first = client.CreateMessageAsync("1", Message(), null, CancellationToken.None);
        await Eventually(() => limiter.GlobalPauseUntil > _time.GetUtcNow()); // the 429 has been read and every route paused
        var second = client.CreateMessageAsync("2", Message(), null, CancellationToken.None);
        await SteppedClock.RunAsync(_time, Task.WhenAll(first, second));

        var rateLimited = _server.To("channels/1/messages")[0].At;
        SteppedClock.AssertGap(rateLimited, _server.To("channels/1/messages")[1].At, TimeSpan.FromSeconds(4));
        SteppedClock.AssertGap(rateLimited, _server.To("channels/2/messages")[0].At, TimeSpan.FromSeconds(4));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task An_exhausted_bucket_waits_for_its_reset_and_other_channels_do_not()
    {
        using var waits = new RateLimitWaitCounter(_rests[0].Services.GetRequiredService<IMeterFactory>());
        _server.Enqueue("channels/7/messages", 200, "{}", ("X-RateLimit-Bucket", "abc"), ("X-RateLimit-Limit", "5"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset-After", "3.5"));
        await _client.CreateMessageAsync("7", Message(), null, TestContext.Current.CancellationToken);

        await SteppedClock.RunAsync(_time, Task.WhenAll(
            _client.CreateMessageAsync("7", Message(), null, CancellationToken.None),
            _client.CreateMessageAsync("8", Message(), null, CancellationToken.None)));

        var channel7 = _server.To("channels/7/messages");
        SteppedClock.AssertGap(channel7[0].At, channel7[1].At, TimeSpan.FromSeconds(3.5));
        Assert.True(_server.To("channels/8/messages")[0].At - channel7[0].At < TimeSpan.FromSeconds(1), "another channel's bucket is not held up");
        Assert.True(waits.Of("discord") >= 1, "the wait for the bucket is counted");
    }

    [Theory(Timeout = TestTimeout)]
    [InlineData(403)]
    [InlineData(404)]
    public async Task Reports_a_channel_the_bot_cannot_reach_as_gone(int status)
    {
        _server.Enqueue("channels/9/messages", status, """{"message":"Missing Access","code":50001}""");

        Assert.Equal(ChannelPostResult.ChannelGone, await _client.CreateMessageAsync("9", Message(), null, TestContext.Current.CancellationToken));
        Assert.Equal(1, _server.CountTo("channels/9/messages"));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Retries_server_errors_with_growing_backoff()
    {
        _server.Enqueue("channels/7/messages", 500, """{"message":"oops"}""");
        _server.Enqueue("channels/7/messages", 502, "bad gateway");

        Assert.Equal(ChannelPostResult.Sent, await SteppedClock.RunAsync(_time, _client.CreateMessageAsync("7", Message(), null, CancellationToken.None)));

        // The pipeline's backoff is exponential with jitter: each retry waits, never the same fixed step.
        var requests = _server.To("channels/7/messages");
        Assert.Equal(3, requests.Count);
        Assert.True(requests[1].At > requests[0].At && requests[2].At > requests[1].At, "each retry waited");
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Never_sends_more_than_fifty_requests_a_second()
    {
        // Stamped as they leave the client: arrival times would also measure the machine's load.
        var stamps = new SendStampingHandler(_time);
        var client = Client(new DiscordOptions { ApplicationId = "42", Token = "t", ApiBaseUrl = _server.BaseAddress }, primary: stamps);
        var posts = Enumerable.Range(0, 120).Select(i => client.CreateMessageAsync(i.ToString(CultureInfo.InvariantCulture), Message(), null, CancellationToken.None));

        var results = await SteppedClock.RunAsync(_time, Task.WhenAll(posts));

        Assert.All(results, r => Assert.Equal(ChannelPostResult.Sent, r));
        var times = stamps.Sent.Order().ToList();
        Assert.Equal(120, times.Count);
        for (var i = DiscordRateLimiter.GlobalPerSecond; i < times.Count; i++)
        {
            Assert.True(times[i] - times[i - DiscordRateLimiter.GlobalPerSecond] >= TimeSpan.FromSeconds(1), $"request {i} went out within a second of request {i - DiscordRateLimiter.GlobalPerSecond}");
        }
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Releases_queued_requests_evenly_rather_than_a_second_s_worth_at_once()
    {
        // A burst of 50 arrives spread by the machine's load, and the next burst's first requests then land in the same
        // second of Discord's as this one's last: global 429s. Evenly spaced requests leave room for that jitter.
        var stamps = new SendStampingHandler(_time);
        var client = Client(new DiscordOptions { ApplicationId = "42", Token = "t", ApiBaseUrl = _server.BaseAddress }, primary: stamps);
        var posts = Enumerable.Range(0, 120).Select(i => client.CreateMessageAsync(i.ToString(CultureInfo.InvariantCulture), Message(), null, CancellationToken.None));

        await SteppedClock.RunAsync(_time, Task.WhenAll(posts));

        // A quarter of a second holds a quarter of the limit, give or take the clock's 100 ms steps.
        var times = stamps.Sent.Order().ToList();
        const int PerQuarterSecond = (DiscordRateLimiter.GlobalPerSecond / 4) + 5;
        for (var i = PerQuarterSecond; i < times.Count; i++)
        {
            Assert.True(times[i] - times[i - PerQuarterSecond] >= TimeSpan.FromSeconds(0.25), $"requests {i - PerQuarterSecond} to {i} went out within a quarter of a second");
        }
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Registers_commands_in_the_guild_when_one_is_configured()
    {
        var client = Client(new DiscordOptions { ApplicationId = "42", Token = "t", GuildId = "99", ApiBaseUrl = _server.BaseAddress });

        await client.BulkOverwriteCommandsAsync("42", [new JsonObject { ["name"] = "kuril" }], TestContext.Current.CancellationToken);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal("/api/v10/applications/42/guilds/99/commands", request.Path);
    }

    private DiscordRestClient Client(DiscordOptions options, DiscordRateLimiter? limiter = null, HttpMessageHandler? primary = null)
    {
        var rest = new DiscordRest(options, _time, limiter, primary);
        _rests.Add(rest);
        return rest.Client;
    }

    private static JsonObject Message() => new()
    {
        ["content"] = "On this day",
        ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() },
    };

    private static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(25, TestContext.Current.CancellationToken);
        Assert.True(condition());
    }
}
