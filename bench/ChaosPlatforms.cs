using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kuril.Bench;

/// <summary>
/// A fake Discord REST API and a fake Telegram Bot API on one loopback port, for bot processes that are killed at
/// random. Each message is recorded when it arrives and answered after <see cref="Latency"/>, so a process killed in
/// between has delivered a post it never hears about, as with the real platforms. Discord deduplicates as Discord
/// does: a message with <c>enforce_nonce</c> whose nonce the bot (one bot, whatever its instance) already used in the same channel within five
/// minutes gets the first message back and creates nothing. Telegram has nothing of the kind.
/// </summary>
public sealed class ChaosPlatforms : IAsyncDisposable
{
    /// <summary>How long Discord remembers a nonce.</summary>
    public static readonly TimeSpan NonceWindow = TimeSpan.FromMinutes(5);

    /// <summary>Between a message's arrival (when it is shown) and its answer leaving.</summary>
    public static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(150);

    private readonly WebApplication _app;
    private readonly Lock _lock = new();

    // Per channel or chat: how many times each distinct message (its content, nonce aside) was shown.
    private readonly Dictionary<string, Dictionary<string, int>> _discord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, int>> _telegram = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Channel, string Nonce), (DateTimeOffset At, long Id)> _nonces = [];
    private readonly Dictionary<string, int> _telegramMessageIds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _postsByCaller = new(StringComparer.Ordinal);
    private long _nextDiscordId = 1_000_000;

    private ChaosPlatforms(WebApplication app) => _app = app;

    /// <summary>The Discord API's base, as <c>Discord:ApiBaseUrl</c> takes it.</summary>
    public Uri DiscordBaseAddress { get; private set; } = null!;

    /// <summary>The Telegram Bot API's base, as <c>Telegram:ApiBaseUrl</c> takes it.</summary>
    public Uri TelegramBaseAddress { get; private set; } = null!;

    public static async Task<ChaosPlatforms> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var platforms = new ChaosPlatforms(app);
        app.Run(platforms.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        platforms.DiscordBaseAddress = new Uri(address + "/api/v10/");
        platforms.TelegramBaseAddress = new Uri(address + "/");
        return platforms;
    }

    /// <summary>Messages that reached a platform from the bot with this Discord or Telegram token.</summary>
    public int PostsBy(string token) => _postsByCaller.TryGetValue(token, out var n) ? n : 0;

    /// <summary>What each platform shows, counted per channel.</summary>
    public (ChaosCount Discord, ChaosCount Telegram) Count()
    {
        lock (_lock) return (ChaosCount.Of(_discord), ChaosCount.Of(_telegram));
    }

    private Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        return path.StartsWith("/api/v10/", StringComparison.Ordinal) ? DiscordAsync(context, path) : TelegramAsync(context, path);
    }

    private async Task DiscordAsync(HttpContext context, string path)
    {
        context.Response.ContentType = "application/json";
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries); // api, v10, channels, {id}, messages
        if (!HttpMethods.IsPost(context.Request.Method) || parts is not [_, _, "channels", var channel, "messages"])
        {
            await context.Response.WriteAsync(HttpMethods.IsPut(context.Request.Method) ? "[]" : "{}", context.RequestAborted);
            return;
        }

        var token = context.Request.Headers.Authorization.ToString();
        var body = (JsonObject)(await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted))!;
        var nonce = body["nonce"]?.GetValue<string>() ?? string.Empty;
        var enforce = body["enforce_nonce"]?.GetValue<bool>() == true;
        body.Remove("nonce");
        body.Remove("enforce_nonce");
        long id;
        lock (_lock)
        {
            var now = DateTimeOffset.UtcNow;
            if (enforce && _nonces.TryGetValue((channel, nonce), out var first) && now - first.At < NonceWindow)
            {
                id = first.Id;
            }
            else
            {
                id = ++_nextDiscordId;
                if (enforce) _nonces[(channel, nonce)] = (now, id);
                Show(_discord, channel, body.ToJsonString());
                _postsByCaller.AddOrUpdate(token, 1, (_, n) => n + 1);
            }
        }

        await Task.Delay(Latency, context.RequestAborted);
        await context.Response.WriteAsync(string.Create(CultureInfo.InvariantCulture, $$"""{"id":"{{id}}","channel_id":"{{channel}}","content":""}"""), context.RequestAborted);
    }

    private async Task TelegramAsync(HttpContext context, string path)
    {
        context.Response.ContentType = "application/json";
        var slash = path.LastIndexOf('/');
        var method = path[(slash + 1)..];
        var token = path.StartsWith("/bot", StringComparison.Ordinal) && slash > 4 ? path[4..slash] : string.Empty;
        using var json = await ReadTelegramAsync(context);
        switch (method)
        {
            case "getMe":
                await context.Response.WriteAsync("""{"ok":true,"result":{"id":4242,"is_bot":true,"first_name":"Kuril","username":"KurilBot"}}""", context.RequestAborted);
                return;
            case "getUpdates":
                // Long polling with nothing to deliver: hold the poll a little, as Telegram holds it to its timeout.
                await Task.Delay(TimeSpan.FromMilliseconds(500), context.RequestAborted);
                await context.Response.WriteAsync("""{"ok":true,"result":[]}""", context.RequestAborted);
                return;
            case "sendMessage":
                break;
            default:
                await context.Response.WriteAsync("""{"ok":true,"result":true}""", context.RequestAborted);
                return;
        }

        var root = json.RootElement;
        var chat = root.GetProperty("chat_id").ToString();
        var text = root.GetProperty("text").GetString() ?? string.Empty;
        int messageId;
        lock (_lock)
        {
            messageId = _telegramMessageIds[chat] = (_telegramMessageIds.TryGetValue(chat, out var last) ? last : 0) + 1;
            Show(_telegram, chat, text);
            _postsByCaller.AddOrUpdate(token, 1, (_, n) => n + 1);
        }

        await Task.Delay(Latency, context.RequestAborted);
        var answer = new JsonObject
        {
            ["ok"] = true,
            ["result"] = new JsonObject
            {
                ["message_id"] = messageId,
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["chat"] = new JsonObject { ["id"] = long.Parse(chat, CultureInfo.InvariantCulture), ["type"] = "private" },
                ["text"] = text,
            },
        };
        await context.Response.WriteAsync(answer.ToJsonString(), context.RequestAborted);
    }

    // Telegram.Bot posts JSON; an empty body (getMe) reads as an empty object.
    private static async Task<JsonDocument> ReadTelegramAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        return JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text);
    }

    private static void Show(Dictionary<string, Dictionary<string, int>> shown, string channel, string content)
    {
        if (!shown.TryGetValue(channel, out var messages)) shown[channel] = messages = new Dictionary<string, int>(StringComparer.Ordinal);
        messages[content] = messages.TryGetValue(content, out var n) ? n + 1 : 1;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
