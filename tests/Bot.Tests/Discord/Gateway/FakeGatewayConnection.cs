using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Kuril.Bot.Tests.Discord.Gateway;

/// <summary>
/// The server side of one Gateway connection, scripted by a test: it acknowledges heartbeats (unless told not to)
/// and hands every other message the bot sends to the test.
/// </summary>
internal sealed class FakeGatewayConnection(WebSocket socket, string path)
{
    private readonly Channel<JsonNode> _received = Channel.CreateUnbounded<JsonNode>();
    private readonly TaskCompletionSource<WebSocketCloseStatus?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private int _heartbeats;

    /// <summary>The path the bot connected to (the gateway address, or the resume address).</summary>
    public string Path { get; } = path;

    /// <summary>Whether heartbeats are acknowledged; off makes the connection a zombie to the bot.</summary>
    public bool AcknowledgeHeartbeats { get; set; } = true;

    public int Heartbeats => Volatile.Read(ref _heartbeats);

    /// <summary>Completes when the bot closes or drops the connection, with the close code if it sent one.</summary>
    public Task<WebSocketCloseStatus?> Closed => _closed.Task;

    public async Task SendAsync(JsonObject payload)
    {
        await _sendLock.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(payload.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public Task HelloAsync(int heartbeatIntervalMs) => SendAsync(new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = heartbeatIntervalMs } });

    public Task DispatchAsync(string type, long sequence, JsonObject data) => SendAsync(new JsonObject { ["op"] = 0, ["t"] = type, ["s"] = sequence, ["d"] = data });

    /// <summary>The next message the bot sent, other than a heartbeat.</summary>
    public async Task<JsonNode> NextAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        return await _received.Reader.ReadAsync(cancel.Token);
    }

    public async Task CloseAsync(int code, string reason)
    {
        await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
    }

    /// <summary>Runs until the connection ends; the fake server's request stays open meanwhile.</summary>
    public async Task RunAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        _closed.TrySetResult(result.CloseStatus);
                        return;
                    }

                    await message.WriteAsync(buffer.AsMemory(0, result.Count));
                }
                while (!result.EndOfMessage);

                var payload = JsonNode.Parse(message.ToArray())!;
                if (payload["op"]?.GetValue<int>() == 1)
                {
                    Interlocked.Increment(ref _heartbeats);
                    if (AcknowledgeHeartbeats) await SendAsync(new JsonObject { ["op"] = 11 });
                    continue;
                }

                await _received.Writer.WriteAsync(payload);
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException)
        {
            _closed.TrySetResult(null);
        }
    }
}
