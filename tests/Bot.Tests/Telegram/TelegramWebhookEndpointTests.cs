using System.Diagnostics;
using System.Net;
using System.Text;
using Kuril.Bot.Hosting;
using Kuril.Bot.Telegram;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

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
        var data = Path.Combine(Path.GetTempPath(), "kuril-telegram-webhook-" + Guid.NewGuid().ToString("N"));
        using var host = BotHost.Build(
        [
            "--Urls=http://127.0.0.1:0",
            "--Telegram:Token=123:ABC",
            "--Telegram:ApiBaseUrl=" + server.BaseAddress,
            "--Telegram:WebhookUrl=https://bot.example.org/telegram/webhook",
            "--Knowledge:CorpusPath=" + RepoPaths.Corpus,
            "--Knowledge:DataPath=" + data,
            "--Knowledge:WatchCorpus=false",
        ]);
        try
        {
            await host.StartAsync(TestContext.Current.CancellationToken);
            var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            await Eventually(() => server.To("setWebhook").Count == 1);
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            var secret = host.Services.GetRequiredService<TelegramWebhookSecret>().Value;

            using var response = await client.SendAsync(Request(Update, secret), TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await Eventually(() => server.To("sendMessage").Count == 1);
            Assert.Empty(server.To("getUpdates"));
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        }
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
