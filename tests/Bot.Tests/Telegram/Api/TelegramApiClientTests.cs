using System.Text.Json.Nodes;
using Kuril.Bot.Replies.Telegram;
using Kuril.Bot.Telegram;
using Kuril.Bot.Telegram.Api;
using Kuril.Bot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kuril.Bot.Tests.Telegram.Api;

/// <summary>
/// The Bot API client against a fake Bot API on loopback. Time is a <see cref="FakeTimeProvider"/> moved in small
/// steps while calls run; the fake server stamps each call with that clock, so the tests measure the client's waits.
/// </summary>
public sealed class TelegramApiClientTests : IAsyncLifetime
{
    private const int TestTimeout = 30_000;
    private const string Token = "777:secret-token-value";

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private FakeTelegramServer _server = null!;
    private HttpClient _http = null!;
    private TelegramApiClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await FakeTelegramServer.StartAsync(_time);
        _http = new HttpClient();
        _client = new TelegramApiClient(
            _http,
            new TelegramSendLimiter(_time),
            Options.Create(new TelegramOptions { Token = Token, ApiBaseUrl = _server.BaseAddress }),
            _time,
            NullLogger<TelegramApiClient>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Calls_the_method_under_the_token_with_html_and_no_link_preview()
    {
        await _client.SendMessageAsync(5, new TelegramMessage("<b>hi</b>", null), TestContext.Current.CancellationToken);

        var call = Assert.Single(_server.Calls);
        Assert.Equal("sendMessage", call.Method);
        Assert.Equal(Token, call.Token);
        var body = JsonNode.Parse(call.Body)!;
        Assert.Equal(5, (long)body["chat_id"]!);
        Assert.Equal("HTML", (string?)body["parse_mode"]);
        Assert.True((bool)body["link_preview_options"]!["is_disabled"]!);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Message_dates_in_milliseconds_parse_as_64_bit_numbers()
    {
        var sent = await _client.SendMessageAsync(5, new TelegramMessage("x", null), TestContext.Current.CancellationToken);

        Assert.Equal(1795377923249L, sent!.Date);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_429_waits_retry_after_and_resends_the_same_body()
    {
        _server.Enqueue("sendMessage", 429, """{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 3","parameters":{"retry_after":3}}""");

        await SteppedClock.RunAsync(_time, _client.SendMessageAsync(5, new TelegramMessage("same body", null), CancellationToken.None));

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

        var me = await SteppedClock.RunAsync(_time, _client.GetMeAsync(CancellationToken.None));

        Assert.Equal(FakeTelegramServer.BotUsername, me.Username);
        var calls = _server.To("getMe");
        Assert.Equal(3, calls.Count);
        SteppedClock.AssertGap(calls[0].At, calls[1].At, TimeSpan.FromSeconds(1));
        SteppedClock.AssertGap(calls[1].At, calls[2].At, TimeSpan.FromSeconds(2));
    }

    [Theory(Timeout = TestTimeout)]
    [InlineData(403, "Forbidden: bot was blocked by the user")]
    [InlineData(403, "Forbidden: bot was kicked from the group chat")]
    [InlineData(400, "Bad Request: chat not found")]
    public async Task A_blocked_kicked_or_missing_chat_is_reported_as_gone(int code, string description)
    {
        _server.Enqueue("sendMessage", code, $$"""{"ok":false,"error_code":{{code}},"description":"{{description}}"}""");

        var error = await Assert.ThrowsAsync<TelegramChatGoneException>(() => _client.SendMessageAsync(9, new TelegramMessage("x", null), TestContext.Current.CancellationToken));

        Assert.Equal(code, error.ErrorCode);
        Assert.Single(_server.To("sendMessage"));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Any_other_ok_false_is_a_typed_error_with_code_and_description()
    {
        _server.Enqueue("sendMessage", 400, """{"ok":false,"error_code":400,"description":"Bad Request: group chat was upgraded to a supergroup chat","parameters":{"migrate_to_chat_id":-1001234}}""");

        var error = await Assert.ThrowsAsync<TelegramApiException>(() => _client.SendMessageAsync(-9, new TelegramMessage("x", null), TestContext.Current.CancellationToken));

        Assert.IsNotType<TelegramChatGoneException>(error);
        Assert.Equal(400, error.ErrorCode);
        Assert.Equal(-1001234, error.MigrateToChatId);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_non_telegram_error_shape_is_an_error_not_a_crash_and_never_shows_the_token()
    {
        for (var i = 0; i < 4; i++) _server.Enqueue("setMyCommands", 500, $$"""{"message":"API method 'setMyCommands' is not supported at /bot{{Token}}/setMyCommands"}""");

        var error = await Assert.ThrowsAsync<TelegramApiException>(() => SteppedClock.RunAsync(_time, _client.SetMyCommandsAsync([new BotCommandInfo("kuril", "ask")], CancellationToken.None)));

        Assert.Equal(500, error.ErrorCode);
        Assert.DoesNotContain(Token, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token-value", error.ToString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_network_error_never_shows_the_token()
    {
        var closed = new TelegramApiClient(
            _http,
            new TelegramSendLimiter(_time),
            Options.Create(new TelegramOptions { Token = Token, ApiBaseUrl = new Uri("http://127.0.0.1:1") }),
            _time,
            NullLogger<TelegramApiClient>.Instance);

        var error = await Assert.ThrowsAsync<TelegramApiException>(() => closed.SendTypingAsync(1, TestContext.Current.CancellationToken));

        Assert.DoesNotContain("secret-token-value", error.ToString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Messages_to_one_chat_go_at_most_one_a_second()
    {
        // Stamped as they leave the client: arrival times would also measure the machine's load.
        var stamps = new SendStampingHandler(_time);
        using var http = new HttpClient(stamps);
        var client = new TelegramApiClient(http, new TelegramSendLimiter(_time), Options.Create(new TelegramOptions { Token = Token, ApiBaseUrl = _server.BaseAddress }), _time, NullLogger<TelegramApiClient>.Instance);
        var sends = Enumerable.Range(0, 3).Select(_ => client.SendMessageAsync(5, new TelegramMessage("x", null), CancellationToken.None)).ToList();

        await SteppedClock.RunAsync(_time, Task.WhenAll(sends));

        var sent = stamps.Sent.Order().ToList();
        Assert.Equal(3, sent.Count);
        Assert.True(sent[1] - sent[0] >= TimeSpan.FromSeconds(1));
        Assert.True(sent[2] - sent[1] >= TimeSpan.FromSeconds(1));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task GetUpdates_asks_for_the_offset_a_long_timeout_and_the_update_kinds_explicitly()
    {
        await _client.GetUpdatesAsync(11, 50, TestContext.Current.CancellationToken);

        var body = JsonNode.Parse(Assert.Single(_server.To("getUpdates")).Body)!;
        Assert.Equal(11, (long)body["offset"]!);
        Assert.Equal(50, (int)body["timeout"]!);
        Assert.Equal(["message", "callback_query", "inline_query"], body["allowed_updates"]!.AsArray().Select(k => (string)k!));
    }

}
