using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using Kuril.Bot.Commands;
using Kuril.Bot.Daily;
using Kuril.Bot.Replies.Telegram;
using Kuril.Bot.Telegram;
using Kuril.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Kuril.Bot.Tests.Telegram;

/// <summary>
/// Telegram.Bot's client as the bot registers it (HTTP resilience pipeline, send limiter) against a fake Bot API on
/// loopback. Time is a <see cref="FakeTimeProvider"/> moved in small steps while calls run; the fake server stamps each
/// call with that clock, so the tests measure the waits.
/// </summary>
public sealed class TelegramBotApiTests : IAsyncLifetime
{
    private const int TestTimeout = 30_000;
    private const string Token = "777:secret-token-value";

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private FakeTelegramServer _server = null!;
    private TelegramTestBot _bot = null!;
    private StampingHandler _stamps = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await FakeTelegramServer.StartAsync(_time);
        _stamps = new StampingHandler(_time);
        _bot = new TelegramTestBot(_server.BaseAddress, Token, services: s =>
        {
            s.AddSingleton<TimeProvider>(_time);
            s.AddHttpClient(TelegramServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler(() => _stamps);
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _server.DisposeAsync();
        _stamps.Dispose(); // the client's handler chain disposed it already; a second dispose is a no-op
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Sends_under_the_token_in_html_without_link_preview()
    {
        await _bot.Get<TelegramSender>().SendAsync(5, new TelegramMessage("<b>hi</b>", null), TestContext.Current.CancellationToken);

        var call = Assert.Single(_server.Calls);
        Assert.Equal("sendMessage", call.Method);
        Assert.Equal(Token, call.Token);
        var body = JsonNode.Parse(call.Body)!;
        Assert.Equal(5, (long)body["chat_id"]!);
        Assert.Equal("html", ((string?)body["parse_mode"])?.ToLowerInvariant());
        Assert.True((bool)body["link_preview_options"]!["is_disabled"]!);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_429_waits_retry_after_once_and_resends_the_same_body()
    {
        _server.Enqueue("sendMessage", 429, """{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 3","parameters":{"retry_after":3}}""");

        await SteppedClock.RunAsync(_time, _bot.Get<TelegramSender>().SendAsync(5, new TelegramMessage("same body", null), CancellationToken.None));

        // Two calls, not three: Telegram.Bot's own 429 retry is off, so the pipeline's is the only one.
        var calls = _server.To("sendMessage");
        Assert.Equal(2, calls.Count);
        Assert.Equal(calls[0].Body, calls[1].Body);
        SteppedClock.AssertGap(calls[0].At, calls[1].At, TimeSpan.FromSeconds(3));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Server_errors_are_retried_with_growing_backoff()
    {
        _server.Enqueue("getMe", 502, "<html>bad gateway</html>");
        _server.Enqueue("getMe", 500, """{"ok":false,"error_code":500,"description":"Internal Server Error"}""");

        var me = await SteppedClock.RunAsync(_time, _bot.Get<ITelegramBotClient>().GetMe(CancellationToken.None));

        Assert.Equal(FakeTelegramServer.BotUsername, me.Username);
        var calls = _server.To("getMe");
        Assert.Equal(3, calls.Count);
        Assert.True(calls[1].At > calls[0].At && calls[2].At > calls[1].At, "each retry waited");
    }

    [Theory(Timeout = TestTimeout)]
    [InlineData(403, "Forbidden: bot was blocked by the user")]
    [InlineData(403, "Forbidden: bot was kicked from the group chat")]
    [InlineData(400, "Bad Request: chat not found")]
    public async Task A_blocked_kicked_or_missing_chat_is_reported_as_gone_without_retrying(int code, string description)
    {
        _server.Enqueue("sendMessage", code, $$"""{"ok":false,"error_code":{{code}},"description":"{{description}}"}""");

        var delivered = await _bot.Get<TelegramSender>().SendAllAsync(9, [new TelegramMessage("x", null)], TestContext.Current.CancellationToken);

        Assert.False(delivered);
        Assert.Single(_server.To("sendMessage"));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_group_upgraded_to_a_supergroup_gets_the_rest_there_and_its_subscription_moves()
    {
        var subscriptions = _bot.Get<ISubscriptionStore>();
        var group = new ChannelKey(Platform.Telegram, "-9");
        await subscriptions.SaveAsync(new Subscription(group, new TimeOnly(9, 0), "UTC", _time.GetUtcNow()), TestContext.Current.CancellationToken);
        _server.Enqueue("sendMessage", 400, """{"ok":false,"error_code":400,"description":"Bad Request: group chat was upgraded to a supergroup chat","parameters":{"migrate_to_chat_id":-1001234}}""");

        var delivered = await SteppedClock.RunAsync(_time, _bot.Get<TelegramSender>().SendAllAsync(-9, [new TelegramMessage("a", null), new TelegramMessage("b", null)], CancellationToken.None));

        Assert.True(delivered);
        var sent = _server.To("sendMessage").Skip(1).Select(c => (long)JsonNode.Parse(c.Body)!["chat_id"]!).ToList();
        Assert.Equal([-1001234L, -1001234L], sent);
        Assert.Null(await subscriptions.FindAsync(group, TestContext.Current.CancellationToken));
        Assert.NotNull(await subscriptions.FindAsync(new ChannelKey(Platform.Telegram, "-1001234"), TestContext.Current.CancellationToken));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_non_telegram_error_shape_is_an_error_not_a_crash_and_never_shows_the_token()
    {
        for (var i = 0; i < 5; i++) _server.Enqueue("setMyCommands", 500, $$"""{"message":"API method 'setMyCommands' is not supported at /bot{{Token}}/setMyCommands"}""");

        var error = await Assert.ThrowsAnyAsync<RequestException>(() => SteppedClock.RunAsync(_time, _bot.Get<ITelegramBotClient>().SetMyCommands([new() { Command = "kuril", Description = "ask" }], cancellationToken: CancellationToken.None)));

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, error.HttpStatusCode);
        Assert.DoesNotContain("secret-token-value", error.ToString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_network_error_never_shows_the_token()
    {
        await using var closed = new TelegramTestBot(new Uri("http://127.0.0.1:1"), Token, services: s => s.AddSingleton<TimeProvider>(_time));

        var error = await Assert.ThrowsAnyAsync<RequestException>(() => SteppedClock.RunAsync(_time, closed.Get<ITelegramBotClient>().GetMe(CancellationToken.None)));

        Assert.DoesNotContain("secret-token-value", error.ToString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Messages_to_one_chat_go_at_most_one_a_second_and_the_waits_are_counted()
    {
        using var waits = new RateLimitWaitCounter(_bot.Get<IMeterFactory>());
        var sender = _bot.Get<TelegramSender>();
        var sends = Enumerable.Range(0, 3).Select(_ => sender.SendAsync(5, new TelegramMessage("x", null), CancellationToken.None)).ToList();

        await SteppedClock.RunAsync(_time, Task.WhenAll(sends));

        // Stamped as they leave the client: arrival times would also measure the machine's load.
        var sent = _stamps.Sent.Order().ToList();
        Assert.Equal(3, sent.Count);
        Assert.True(sent[1] - sent[0] >= TimeSpan.FromSeconds(1));
        Assert.True(sent[2] - sent[1] >= TimeSpan.FromSeconds(1));
        Assert.Equal(2, waits.Of("telegram"));
    }

    /// <summary>Stamps each request with the clock's time as it leaves the client, after the pipeline and every limiter.</summary>
    private sealed class StampingHandler(TimeProvider time) : DelegatingHandler
    {
        public ConcurrentQueue<DateTimeOffset> Sent { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Sent.Enqueue(time.GetUtcNow());
            return base.SendAsync(request, cancellationToken);
        }
    }
}
