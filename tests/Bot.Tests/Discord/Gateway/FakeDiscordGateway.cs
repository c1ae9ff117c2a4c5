using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Kuril.Bot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

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

    public Uri BaseAddress { get; private init; } = null!;

    public Uri ApiBaseAddress => new(BaseAddress, "/api/v10/");

    public ConcurrentQueue<(string Path, string Body)> Callbacks { get; } = new();

    public static async Task<FakeDiscordGateway> StartAsync()
    {
        FakeDiscordGateway? fake = null;
        var (app, address) = await LoopbackServer.StartAsync(web => Map(web, () => fake!));
        fake = new FakeDiscordGateway(app) { BaseAddress = address };
        return fake;
    }

    // The fake is created after the app starts (it needs the address), so the handlers find it through a function.
    private static void Map(WebApplication app, Func<FakeDiscordGateway> current)
    {
        app.UseWebSockets();
        app.MapGet("/api/v10/gateway/bot", () => Results.Text(new JsonObject
        {
            ["url"] = new Uri(current().BaseAddress, "/gateway").ToString().Replace("http://", "ws://", StringComparison.Ordinal),
            ["shards"] = 1,
            ["session_start_limit"] = new JsonObject { ["total"] = 1000, ["remaining"] = 999, ["reset_after"] = 0, ["max_concurrency"] = 1 },
        }.ToJsonString(), "application/json"));
        app.MapGet("/api/v10/applications/@me", () => Results.Text("""{"id":"42"}""", "application/json"));
        app.MapPut("/api/v10/applications/{app}/commands", () => Results.Text("[]", "application/json"));
        app.MapPost("/api/v10/interactions/{id}/{token}/callback", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            current().Callbacks.Enqueue((context.Request.Path.Value!, await reader.ReadToEndAsync()));
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
            await current()._connections.Writer.WriteAsync(connection);
            await connection.RunAsync();
        });
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
