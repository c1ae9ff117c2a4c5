using System.Text.Json;
using Kuril.Bot.Discord;
using Kuril.Bot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Kuril.Bot.Tests.Discord;

/// <summary>The interactions endpoint on a real Kestrel on a free loopback port, with a handler that counts calls.</summary>
internal sealed class InteractionEndpointHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InteractionEndpointHost(WebApplication app, CountingHandler handler, Uri address)
    {
        _app = app;
        Handler = handler;
        Address = address;
        Logs = app.Services.GetFakeLogCollector();
        // Header values go out as UTF-8 so fuzzed headers can carry any text, as a hostile client's can.
        Client = new HttpClient(new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => System.Text.Encoding.UTF8 }) { BaseAddress = address };
    }

    public CountingHandler Handler { get; }

    public Uri Address { get; }

    /// <summary>Everything the server logged, Kestrel included, from debug up.</summary>
    public FakeLogCollector Logs { get; }

    public HttpClient Client { get; }

    public static async Task<InteractionEndpointHost> StartAsync(string publicKeyHex, TimeProvider time)
    {
        var publicKey = Ed25519PublicKey.TryParseHex(publicKeyHex, out var error) ?? throw new InvalidOperationException(error);
        var handler = new CountingHandler();
        var (app, address) = await LoopbackServer.StartAsync(
            web => web.MapDiscordInteractions("/discord/interactions"),
            builder =>
            {
                builder.Logging.AddFakeLogging().SetMinimumLevel(LogLevel.Debug);
                builder.Services.Configure<DiscordOptions>(o => o.PublicKey = publicKeyHex);
                builder.Services.AddSingleton(new InteractionSignatureVerifier(publicKey, time, TimeSpan.FromMinutes(5)));
                builder.Services.AddSingleton(new InteractionReplayGuard(time, TimeSpan.FromMinutes(5)));
                builder.Services.AddSingleton(new Kuril.Bot.Hosting.Health.PlatformActivity(time));
                builder.Services.AddSingleton<IDiscordInteractionHandler>(handler);
            });
        return new InteractionEndpointHost(app, handler, address);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Stands in for the command layer: records that a verified interaction reached it.</summary>
    internal sealed class CountingHandler : IDiscordInteractionHandler
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public Task<string> HandleAsync(JsonElement interaction, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return Task.FromResult("""{"type":4,"data":{"content":"handled","allowed_mentions":{"parse":[]}}}""");
        }
    }
}
