using System.Collections.Concurrent;
using Kuril.Bot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kuril.Bot.Tests.Telegram;

/// <summary>
/// A fake Bot API on a free loopback port for what the emulator lacks (429, 403, inline queries, getChatMember,
/// webhooks): records every call and answers from a script (a queue of canned responses per method), or with a
/// plausible success when the script is empty.
/// </summary>
internal sealed class FakeTelegramServer : IAsyncDisposable
{
    public const string BotUsername = "KurilBot";
    public const long BotId = 4242;

    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, string Body)>> _script = new(StringComparer.Ordinal);

    private FakeTelegramServer(WebApplication app, TimeProvider time)
    {
        _app = app;
        _time = time;
    }

    public ConcurrentQueue<Call> Calls { get; } = new();

    public Uri BaseAddress { get; private init; } = null!;

    /// <param name="time">The clock that stamps each call, so a test can measure the client's waits.</param>
    public static async Task<FakeTelegramServer> StartAsync(TimeProvider? time = null)
    {
        FakeTelegramServer? server = null;
        var (app, address) = await LoopbackServer.StartAsync(web => web.Run(context => server!.HandleAsync(context)));
        server = new FakeTelegramServer(app, time ?? TimeProvider.System) { BaseAddress = address };
        return server;
    }

    /// <summary>Queues a response for the next call of a method.</summary>
    public void Enqueue(string method, int status, string body) =>
        _script.GetOrAdd(method, _ => new ConcurrentQueue<(int, string)>()).Enqueue((status, body));

    public List<Call> To(string method) => Calls.Where(c => c.Method == method).OrderBy(c => c.At).ToList();

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var path = context.Request.Path.Value ?? string.Empty;
        var slash = path.LastIndexOf('/');
        var method = path[(slash + 1)..];
        var token = path.StartsWith("/bot", StringComparison.Ordinal) && slash > 4 ? path[4..slash] : string.Empty;
        Calls.Enqueue(new Call(method, token, body, _time.GetUtcNow()));
        var (status, text) = _script.TryGetValue(method, out var queue) && queue.TryDequeue(out var canned) ? canned : (200, Default(method));
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(text, context.RequestAborted);
    }

    private static string Default(string method) => method switch
    {
        "getMe" => $$$"""{"ok":true,"result":{"id":{{{BotId}}},"is_bot":true,"first_name":"Kuril","username":"{{{BotUsername}}}"}}""",
        "getUpdates" => """{"ok":true,"result":[]}""",
        "sendMessage" or "editMessageText" => """{"ok":true,"result":{"message_id":1,"date":1795377923,"chat":{"id":1,"type":"private"},"text":"x"}}""",
        "getChatMember" => """{"ok":true,"result":{"status":"member","user":{"id":1,"is_bot":false,"first_name":"U"}}}""",
        _ => """{"ok":true,"result":true}""",
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal sealed record Call(string Method, string Token, string Body, DateTimeOffset At);
}
