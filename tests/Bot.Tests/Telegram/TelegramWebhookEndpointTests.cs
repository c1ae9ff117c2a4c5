using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Kuril.Bot.Telegram;
using Kuril.Bot.Tests.Support;

namespace Kuril.Bot.Tests.Telegram;

/// <summary>The webhook endpoint: only requests with the secret are taken, within the size limit, as parsed updates.</summary>
public sealed class TelegramWebhookEndpointTests
{
    private const int TestTimeout = 60_000;
    private const string Secret = "s3cret_-token";
    private const string Update = """{"update_id":5,"message":{"message_id":1,"date":1,"chat":{"id":3,"type":"private"},"from":{"id":3,"is_bot":false,"first_name":"U"},"text":"/kuril help"}}""";

    [Theory(Timeout = TestTimeout)]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("s3cret_-toke")]
    [InlineData("s3cret_-tokeN")]
    [InlineData("S3CRET_-TOKEN")]
    public async Task A_missing_or_wrong_secret_is_401_and_nothing_is_queued(string? header)
    {
        await using var host = await WebhookEndpointHost.StartAsync(Secret);

        using var response = await host.Client.SendAsync(Request(Update, header), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, host.Queue.Accepted);
        Assert.Null(host.Activity.LastContact(Kuril.Bot.Commands.Platform.Telegram));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task The_right_secret_queues_the_update_and_records_telegrams_last_contact()
    {
        await using var host = await WebhookEndpointHost.StartAsync(Secret);

        using var response = await host.Client.SendAsync(Request(Update, Secret), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(host.Activity.LastContact(Kuril.Bot.Commands.Platform.Telegram));
        Assert.True(host.Queue.TryDequeue(out var update));
        Assert.Equal(5, update!.Id);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Broken_json_is_400_and_a_huge_body_is_413()
    {
        await using var host = await WebhookEndpointHost.StartAsync(Secret);

        using var broken = await host.Client.SendAsync(Request("{\"update_id\":", Secret), TestContext.Current.CancellationToken);
        using var huge = await host.Client.SendAsync(Request("{\"x\":\"" + new string('a', 200_000) + "\"}", Secret), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(0, host.Queue.Accepted);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task The_bot_host_in_webhook_mode_answers_an_update_posted_with_the_secret()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        await using var bot = await WebhookBot.StartAsync(server);

        using var response = await bot.Client.SendAsync(Request(Update, bot.Secret), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually(() => server.To("sendMessage").Count == 1);
        Assert.Empty(server.To("getUpdates"));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Mangled_updates_with_the_secret_never_get_a_server_error_and_the_next_update_is_answered()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        await using var bot = await WebhookBot.StartAsync(server);
        var random = new Random(1904); // seeded: a failure names a body that fails again
        string[] valid =
        [
            Update,
            """{"update_id":5,"message":{"message_id":2,"date":1,"chat":{"id":-100,"type":"supergroup"},"from":{"id":9,"is_bot":false,"first_name":"U"},"text":"/kuril ask Who owns Iturup?","entities":[{"type":"bot_command","offset":0,"length":6}],"reply_to_message":{"message_id":1,"date":1,"chat":{"id":-100,"type":"supergroup"},"text":"x"}}}""",
            """{"update_id":5,"callback_query":{"id":"7","from":{"id":9,"is_bot":false,"first_name":"U"},"chat_instance":"c","data":"more:1","message":{"message_id":3,"date":1,"chat":{"id":9,"type":"private"},"text":"x"}}}""",
            """{"update_id":5,"inline_query":{"id":"8","from":{"id":9,"is_bot":false,"first_name":"U"},"query":"Shikotan","offset":""}}""",
        ];
        for (var i = 0; i < 300; i++)
        {
            var update = JsonNode.Parse(valid[random.Next(valid.Length)])!.AsObject();
            update["update_id"] = 1_000 + i;
            var body = JsonMangler.Mangle(random, update);
            using var response = await bot.Client.SendAsync(Request(body, bot.Secret), TestContext.Current.CancellationToken);

            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {body[..Math.Min(body.Length, 300)]}");
        }

        // A chat of its own, so nothing the mangled updates set off is mistaken for the answer.
        using var last = await bot.Client.SendAsync(Request(Update.Replace("\"update_id\":5", "\"update_id\":9999", StringComparison.Ordinal).Replace("\"id\":3", "\"id\":31337", StringComparison.Ordinal), bot.Secret), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        await Eventually(() => server.To("sendMessage").Exists(c => c.Body.Contains("31337", StringComparison.Ordinal)));
        Assert.Empty(bot.Failures);
    }

    internal static HttpRequestMessage Request(string body, string? secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, WebhookEndpointHost.Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (secret is not null) request.Headers.TryAddWithoutValidation(TelegramWebhookSecret.HeaderName, secret);
        return request;
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition() && clock.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(25, TestContext.Current.CancellationToken);
        Assert.True(condition());
    }
}
