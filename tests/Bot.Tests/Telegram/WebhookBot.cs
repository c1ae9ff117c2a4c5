using Kuril.Bot.Hosting;
using Kuril.Bot.Hosting.Supervision;
using Kuril.Bot.Telegram;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kuril.Bot.Tests.Telegram;

/// <summary>The bot's host in webhook mode against a fake Telegram, over the shipped corpus, listening on loopback.</summary>
internal sealed class WebhookBot : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _data;

    private WebhookBot(IHost host, string data, HttpClient client, string secret)
    {
        _host = host;
        _data = data;
        Client = client;
        Secret = secret;
    }

    /// <summary>A client for the bot's address.</summary>
    public HttpClient Client { get; }

    /// <summary>The secret Telegram is told to send with each update.</summary>
    public string Secret { get; }

    /// <summary>The parts that failed and were restarted, by name.</summary>
    public IReadOnlyDictionary<string, PartFailure> Failures => _host.Services.GetRequiredService<SupervisionState>().Failures;

    /// <summary>Starts the host and waits until it has set its webhook.</summary>
    public static async Task<WebhookBot> StartAsync(FakeTelegramServer server)
    {
        var data = Path.Combine(Path.GetTempPath(), "kuril-telegram-webhook-" + Guid.NewGuid().ToString("N"));
        var host = BotHost.Build(
        [
            "--Urls=http://127.0.0.1:0",
            "--Telegram:Token=123:ABC",
            "--Telegram:ApiBaseUrl=" + server.BaseAddress,
            "--Telegram:WebhookUrl=https://bot.example.org/telegram/webhook",
            "--Knowledge:CorpusPath=" + RepoPaths.Corpus,
            "--Knowledge:DataPath=" + data,
            "--Knowledge:WatchCorpus=false",
        ]);
        await host.StartAsync(TestContext.Current.CancellationToken);
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        for (var i = 0; i < 800 && server.To("setWebhook").Count == 0; i++) await Task.Delay(25, TestContext.Current.CancellationToken);
        Assert.Single(server.To("setWebhook"));
        var client = new HttpClient { BaseAddress = new Uri(address) };
        return new WebhookBot(host, data, client, host.Services.GetRequiredService<TelegramWebhookSecret>().Value);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }
}
