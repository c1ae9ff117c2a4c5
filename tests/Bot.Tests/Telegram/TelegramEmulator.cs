using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Kuril.Bot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kuril.Bot.Tests.Telegram;

/// <summary>
/// The real <c>telegram-test-api</c> emulator (tests/tools), started as a node process on a free loopback port and
/// killed on dispose. Users write through its client API; what the bot sent is read back from its history.
/// </summary>
/// <remarks>
/// The bot talks to it through a small loopback proxy that adapts where the emulator departs from the real Bot API
/// (the product is never bent to fit it): message <c>date</c>s in milliseconds become seconds; <c>"result": null</c>
/// after a successful call becomes <c>true</c> (an edited message for editMessageText); a method the emulator lacks
/// (setMyCommands, sendChatAction, …: HTTP 500 and its own JSON) is answered <c>true</c>. The proxy records every
/// call, so tests see those too.
/// </remarks>
internal sealed class TelegramEmulator : IAsyncDisposable
{
    /// <summary>The bot's user id as the emulator's getMe gives it.</summary>
    public const long BotId = 666;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    // A date above this is in milliseconds: 10^11 seconds is the year 5138.
    private const long LatestSecondsDate = 100_000_000_000;

    private readonly Process _node;
    private readonly HttpClient _http;
    private readonly Uri _nodeAddress;
    private WebApplication? _proxy;
    private long _messageId = 1000;

    private TelegramEmulator(Process node, Uri nodeAddress)
    {
        _node = node;
        _nodeAddress = nodeAddress;
        _http = new HttpClient { BaseAddress = nodeAddress, Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>The Bot API address the bot is given: the adapting proxy.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Every Bot API call the bot made, in order: method and JSON body.</summary>
    public ConcurrentQueue<(string Method, string Body)> Calls { get; } = new();

    public List<JsonNode> CallsTo(string method) => Calls.Where(c => c.Method == method).Select(c => JsonNode.Parse(c.Body.Length == 0 ? "{}" : c.Body)!).ToList();

    public static async Task<TelegramEmulator> StartAsync()
    {
        var start = new ProcessStartInfo("node", ["telegram-emulator.mjs"])
        {
            WorkingDirectory = Path.Combine(RepoPaths.Root, "tests", "tools"),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        try
        {
            using var timeout = new CancellationTokenSource(StartTimeout);
            var line = await node.StandardOutput.ReadLineAsync(timeout.Token);
            if (line is null || !line.StartsWith("listening ", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("The emulator did not start: " + line + " " + await node.StandardError.ReadToEndAsync(timeout.Token));
            }

            var emulator = new TelegramEmulator(node, new Uri("http://127.0.0.1:" + line["listening ".Length..].Trim()));
            (emulator._proxy, emulator.Address) = await LoopbackServer.StartAsync(app => app.Run(emulator.ProxyAsync));
            return emulator;
        }
        catch
        {
            node.Kill(entireProcessTree: true);
            node.Dispose();
            throw;
        }
    }

    /// <summary>A user's text message, as the emulator's client API takes it.</summary>
    public Task SendAsync(string token, long chatId, string chatType, long userId, string text) =>
        PostAsync(UserMessage(token, chatId, chatType, userId, text));

    /// <summary>A user's text message replying to one the bot sent (<paramref name="botMessage"/>, from its history).</summary>
    public Task ReplyAsync(string token, long chatId, string chatType, long userId, JsonObject botMessage, string text)
    {
        ArgumentNullException.ThrowIfNull(botMessage);
        var message = UserMessage(token, chatId, chatType, userId, text);
        message["reply_to_message"] = new JsonObject
        {
            ["message_id"] = (long?)botMessage["message_id"] ?? 1,
            ["from"] = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "Test First name", ["username"] = "TestNameBot" },
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatType, ["title"] = "Test chat" },
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["text"] = (string?)botMessage["text"] ?? string.Empty,
        };
        return PostAsync(message);
    }

    private JsonObject UserMessage(string token, long chatId, string chatType, long userId, string text) => new()
    {
        ["botToken"] = token,
        ["message_id"] = Interlocked.Increment(ref _messageId),
        ["from"] = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = "Tester", ["username"] = "tester" + userId },
        ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatType, ["title"] = "Test chat" },
        ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["text"] = text,
    };

    private async Task PostAsync(JsonObject message)
    {
        using var response = await _http.PostAsJsonAsync("/sendMessage", message, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A button press on a bot message.</summary>
    public async Task PressAsync(string token, long chatId, long userId, string data)
    {
        var callback = new JsonObject
        {
            ["botToken"] = token,
            ["from"] = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = "Tester" },
            ["message"] = new JsonObject { ["message_id"] = 1, ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private" } },
            ["data"] = data,
        };
        using var response = await _http.PostAsJsonAsync("/sendCallback", callback, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Every message the bot sent to a chat so far (the bodies of its sendMessage calls).</summary>
    public async Task<List<JsonObject>> BotMessagesAsync(string token, long chatId)
    {
        using var response = await _http.PostAsJsonAsync("/getUpdatesHistory", new JsonObject { ["token"] = token }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var history = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["result"]!.AsArray();
        return history
            .Select(h => h!["message"] as JsonObject)
            .Where(m => m?["chat_id"] is { } id && id.ToString() == chatId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(m => m!)
            .ToList();
    }

    /// <summary>Waits (bounded) until the bot has sent a chat at least <paramref name="count"/> messages.</summary>
    public async Task<List<JsonObject>> WaitForBotMessagesAsync(string token, long chatId, int count = 1, int timeoutMs = 15_000)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var messages = await BotMessagesAsync(token, chatId);
            if (messages.Count >= count || deadline.ElapsedMilliseconds > timeoutMs) return messages;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    private async Task ProxyAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var method = path[(path.LastIndexOf('/') + 1)..];
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        Calls.Enqueue((method, body));

        using var forward = new HttpRequestMessage(HttpMethod.Post, new Uri(_nodeAddress, path)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        using var response = await _http.SendAsync(forward, context.RequestAborted);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(context.RequestAborted)) as JsonObject;
        var status = (int)response.StatusCode;
        if (answer is null || (status == 500 && answer["ok"] is null))
        {
            // A method the emulator lacks: the real Bot API would have done it.
            answer = new JsonObject { ["ok"] = true, ["result"] = true };
            status = 200;
        }
        else if (answer["ok"] is JsonValue ok && ok.GetValue<bool>() && answer["result"] is null)
        {
            answer["result"] = method == "editMessageText" ? EditedMessage(body) : true;
        }

        SecondsDates(answer);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.ToJsonString(), context.RequestAborted);
    }

    private static JsonObject EditedMessage(string request)
    {
        var edit = JsonNode.Parse(request)!;
        return new JsonObject
        {
            ["message_id"] = edit["message_id"]!.DeepClone(),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = new JsonObject { ["id"] = edit["chat_id"]!.DeepClone(), ["type"] = "private" },
            ["text"] = edit["text"]?.DeepClone(),
        };
    }

    private static void SecondsDates(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o.ToList())
                {
                    if (key == "date" && value is JsonValue v && v.TryGetValue<long>(out var date) && date > LatestSecondsDate) o[key] = date / 1000;
                    else SecondsDates(value);
                }

                break;
            case JsonArray a:
                foreach (var item in a) SecondsDates(item);
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_proxy is not null)
        {
            await _proxy.StopAsync();
            await _proxy.DisposeAsync();
        }

        _http.Dispose();
        try
        {
            _node.StandardInput.Close();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await _node.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _node.Kill(entireProcessTree: true);
                await _node.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }

        _node.Dispose();
    }
}
