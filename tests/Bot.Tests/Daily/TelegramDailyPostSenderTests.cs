using System.Text.Json.Nodes;
using Kuril.Bot.Daily;
using Kuril.Bot.Replies;
using Kuril.Bot.Telegram;
using Kuril.Bot.Tests.Telegram;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kuril.Bot.Tests.Daily;

/// <summary>The daily post on Telegram, through the real Bot API client, against the fake Bot API on loopback.</summary>
public sealed class TelegramDailyPostSenderTests : IAsyncLifetime
{
    private FakeTelegramServer _telegram = null!;
    private TelegramTestBot _bot = null!;
    private TelegramDailyPostSender _sender = null!;

    public async ValueTask InitializeAsync()
    {
        _telegram = await FakeTelegramServer.StartAsync();
        _bot = new TelegramTestBot(_telegram.BaseAddress);
        _sender = new TelegramDailyPostSender(_bot.Get<TelegramSender>());
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _telegram.DisposeAsync();
    }

    [Fact(Timeout = 30_000)]
    public async Task Posts_the_reply_as_escaped_html_to_the_chat()
    {
        var post = new Reply("On this day: 18 August") { Paragraphs = ["1945: <Soviet> landing on Shumshu & more"] };

        var result = await _sender.SendAsync("-100123", post, "kuril-daily-20260818", TestContext.Current.CancellationToken);

        Assert.Equal(DailyPostResult.Sent, result);
        var call = Assert.Single(_telegram.To("sendMessage"));
        var body = JsonNode.Parse(call.Body)!;
        Assert.Equal(-100123, body["chat_id"]!.GetValue<long>());
        Assert.Contains("&lt;Soviet&gt; landing on Shumshu &amp; more", (string?)body["text"], StringComparison.Ordinal);
        Assert.Equal("html", ((string?)body["parse_mode"])?.ToLowerInvariant()); // Telegram reads parse_mode case-insensitively
    }

    [Fact(Timeout = 30_000)]
    public async Task Reports_a_blocked_bot_as_a_gone_channel()
    {
        _telegram.Enqueue("sendMessage", 403, """{"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"}""");

        var result = await _sender.SendAsync("55", new Reply("x") { Paragraphs = ["y"] }, "n", TestContext.Current.CancellationToken);

        Assert.Equal(DailyPostResult.Gone, result);
    }

    [Fact(Timeout = 30_000)]
    public async Task Follows_a_group_that_became_a_supergroup()
    {
        _telegram.Enqueue("sendMessage", 400, """{"ok":false,"error_code":400,"description":"Bad Request: group chat was upgraded to a supergroup chat","parameters":{"migrate_to_chat_id":-1009}}""");

        var result = await _sender.SendAsync("-9", new Reply("x") { Paragraphs = ["y"] }, "n", TestContext.Current.CancellationToken);

        Assert.Equal(DailyPostResult.Sent, result);
        Assert.Contains("-1009", _telegram.To("sendMessage")[^1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Is_registered_when_telegram_is_configured()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Telegram:Token"] = "1:x" }).Build();

        var services = new ServiceCollection().AddTelegram(configuration);

        Assert.Contains(services, d => d.ServiceType == typeof(IDailyPostSender) && d.ImplementationType == typeof(TelegramDailyPostSender));
    }
}
