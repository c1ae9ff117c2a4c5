using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Kuril.Bot.Tests.Telegram;

/// <summary>
/// The real <c>telegram-test-api</c> emulator (tests/tools), started as a node process on a free loopback port and
/// killed on dispose. Users write through its client API; what the bot sent is read back from its history.
/// </summary>
internal sealed class TelegramEmulator : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _node;
    private readonly HttpClient _http;
    private long _messageId = 1000;

    private TelegramEmulator(Process node, Uri address)
    {
        _node = node;
        Address = address;
        _http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
    }

    public Uri Address { get; }

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

            return new TelegramEmulator(node, new Uri("http://127.0.0.1:" + line["listening ".Length..].Trim()));
        }
        catch
        {
            node.Kill(entireProcessTree: true);
            node.Dispose();
            throw;
        }
    }

    /// <summary>A user's text message, as the emulator's client API takes it.</summary>
    public async Task SendAsync(string token, long chatId, string chatType, long userId, string text)
    {
        var message = new JsonObject
        {
            ["botToken"] = token,
            ["message_id"] = Interlocked.Increment(ref _messageId),
            ["from"] = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = "Tester", ["username"] = "tester" + userId },
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatType, ["title"] = "Test chat" },
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["text"] = text,
        };
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
            ["message"] = new JsonObject { ["message_id"] = 1, ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private" } },
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

    public async ValueTask DisposeAsync()
    {
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
