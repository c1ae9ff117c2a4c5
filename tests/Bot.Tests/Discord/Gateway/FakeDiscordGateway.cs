using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kuril.Bot.Tests.Discord.Gateway;

/// <summary>
/// A fake Discord on a free loopback port: the REST calls the Gateway transport makes (gateway lookup, application,
/// command registration, interaction callbacks, recorded) and the Gateway's WebSocket, whose connections a test
/// scripts through <see cref="NextConnectionAsync"/>.
/// </summary>
internal sealed class FakeDiscordGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<FakeGatewayConnection> _connections = Channel.CreateUnbounded<FakeGatewayConnection>();

    private FakeDiscordGateway(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public Uri ApiBaseAddress => new(BaseAddress, "/api/v10/");

    public ConcurrentQueue<(string Path, string Body)> Callbacks { get; } = new();

    public static async Task<FakeDiscordGateway> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeDiscordGateway(app);
        app.UseWebSockets();
        app.MapGet("/api/v10/gateway/bot", () => Results.Text(new JsonObject
        {
            ["url"] = new Uri(fake.BaseAddress, "/gateway").ToString().Replace("http://", "ws://", StringComparison.Ordinal),
            ["shards"] = 1,
            ["session_start_limit"] = new JsonObject { ["total"] = 1000, ["remaining"] = 999, ["reset_after"] = 0, ["max_concurrency"] = 1 },
        }.ToJsonString(), "application/json"));
        app.MapGet("/api/v10/applications/@me", () => Results.Text("""{"id":"42"}""", "application/json"));
        app.MapPut("/api/v10/applications/{app}/commands", () => Results.Text("[]", "application/json"));
        app.MapPost("/api/v10/interactions/{id}/{token}/callback", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            fake.Callbacks.Enqueue((context.Request.Path.Value!, await reader.ReadToEndAsync()));
            return Results.NoContent();
        });
        app.Map("/{path}", async (HttpContext context, string path) =>
        {
            if (!context.WebSockets.IsWebSocketRequest || path is not ("gateway" or "resume"))
            {
                context.Response.StatusCode = 404;
                return;
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var connection = new FakeGatewayConnection(socket, "/" + path);
            await fake._connections.Writer.WriteAsync(connection);
            await connection.RunAsync();
        });
        await app.StartAsync();
        fake.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return fake;
    }

    public string ResumeUrl => new Uri(BaseAddress, "/resume").ToString().Replace("http://", "ws://", StringComparison.Ordinal);

    public async Task<FakeGatewayConnection> NextConnectionAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        return await _connections.Reader.ReadAsync(cancel.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
