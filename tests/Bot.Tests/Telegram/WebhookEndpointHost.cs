using Kuril.Bot.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kuril.Bot.Tests.Telegram;

/// <summary>The webhook endpoint alone on a real Kestrel on a free loopback port; what it accepts waits in its queue.</summary>
internal sealed class WebhookEndpointHost : IAsyncDisposable
{
    public const string Path = "/telegram/webhook";

    private readonly WebApplication _app;

    private WebhookEndpointHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        // Header values go out as UTF-8 so fuzzed headers can carry any text, as a hostile client's can.
        Client = new HttpClient(new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => System.Text.Encoding.UTF8 }) { BaseAddress = address };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public TelegramWebhookQueue Queue => _app.Services.GetRequiredService<TelegramWebhookQueue>();

    public Kuril.Bot.Hosting.Health.PlatformActivity Activity => _app.Services.GetRequiredService<Kuril.Bot.Hosting.Health.PlatformActivity>();

    public static async Task<WebhookEndpointHost> StartAsync(string secret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.Configure<TelegramOptions>(o => o.MaxBodyBytes = 64 * 1024);
        builder.Services.AddSingleton(new TelegramWebhookSecret(secret));
        builder.Services.AddSingleton<TelegramWebhookQueue>();
        builder.Services.AddSingleton(new Kuril.Bot.Hosting.Health.PlatformActivity(TimeProvider.System));
        var app = builder.Build();
        app.MapTelegramWebhook(Path);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WebhookEndpointHost(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
