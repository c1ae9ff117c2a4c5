using System.Collections.Concurrent;
using Kuril.Bot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kuril.Bot.Tests.Discord.Rest;

/// <summary>
/// A fake Discord REST API on a free loopback port: records every request and answers from a script (a queue of
/// canned responses per path), or 200 with <c>{}</c> when the script is empty.
/// </summary>
internal sealed class FakeDiscordServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<CannedResponse>> _script = new(StringComparer.Ordinal);

    private readonly TimeProvider _time;

    private FakeDiscordServer(WebApplication app, TimeProvider time)
    {
        _app = app;
        _time = time;
    }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Uri BaseAddress { get; private init; } = null!;

    /// <param name="time">The clock that stamps each request, so a test can measure the client's waits.</param>
    public static async Task<FakeDiscordServer> StartAsync(TimeProvider time)
    {
        FakeDiscordServer? server = null;
        var (app, address) = await LoopbackServer.StartAsync(web => web.Run(context => server!.HandleAsync(context)));
        server = new FakeDiscordServer(app, time) { BaseAddress = new Uri(address, "/api/v10/") };
        return server;
    }

    /// <summary>Queues a response for the next request to a path (relative to /api/v10/).</summary>
    public void Enqueue(string path, int status, string body = "{}", params (string Name, string Value)[] headers) =>
        _script.GetOrAdd("/api/v10/" + path, _ => new ConcurrentQueue<CannedResponse>()).Enqueue(new CannedResponse(status, body, headers));

    public int CountTo(string path) => Requests.Count(r => r.Path == "/api/v10/" + path);

    public List<RecordedRequest> To(string path) => Requests.Where(r => r.Path == "/api/v10/" + path).OrderBy(r => r.At).ToList();

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var path = context.Request.Path.Value ?? string.Empty;
        Requests.Enqueue(new RecordedRequest(context.Request.Method, path, context.Request.Headers.Authorization.ToString(), body, _time.GetUtcNow()));
        var response = _script.TryGetValue(path, out var queue) && queue.TryDequeue(out var canned) ? canned : new CannedResponse(200, "{}", []);
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers) context.Response.Headers[name] = value;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(response.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal sealed record RecordedRequest(string Method, string Path, string Authorization, string Body, DateTimeOffset At);

    private sealed record CannedResponse(int Status, string Body, (string Name, string Value)[] Headers);
}
