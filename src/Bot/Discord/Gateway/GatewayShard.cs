using System.Diagnostics.CodeAnalysis;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kuril.Bot.Discord.Rest;
using Kuril.Bot.Hosting;
using Microsoft.Extensions.Logging;

// Over 300 lines: the Gateway's connection is one state machine (hello, identify or resume, heartbeats, dispatch,
// reconnect); its states share the socket and sequence number, and are easier to check read in one place.
namespace Kuril.Bot.Discord.Gateway;

/// <summary>
/// One Gateway shard: connects, heartbeats, identifies or resumes, answers <c>INTERACTION_CREATE</c> through the same
/// handler as HTTP interactions, and keeps the connection healthy (zombie detection, Reconnect, Invalid Session,
/// close codes that must not be retried).
/// </summary>
internal sealed class GatewayShard(
    int shardId,
    int shardCount,
    Uri gatewayUrl,
    string token,
    IdentifyScheduler identify,
    IDiscordInteractionHandler handler,
    DiscordRestClient rest,
    GatewayStatus status,
    TimeProvider time,
    ILogger logger)
{
    private const int MaxMessageBytes = 8 * 1024 * 1024;

    // Closing with 1000 or 1001 ends the session; any other code keeps it resumable.
    private const WebSocketCloseStatus ResumableClose = (WebSocketCloseStatus)4000;
    private static readonly HashSet<int> FatalCloseCodes = [4004, 4010, 4011, 4012, 4013, 4014];
    private static readonly HashSet<int> SessionEndingCloseCodes = [4007, 4009];

    private string? _sessionId;
    private Uri? _resumeUrl;
    private long? _sequence;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        while (!cancellationToken.IsCancellationRequested)
        {
            (GatewayOutcome Outcome, bool Requested) end;
            Exception? error = null;
            try
            {
                end = await ConnectOnceAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is WebSocketException or IOException or JsonException or InvalidDataException or OperationCanceledException)
            {
                end = (GatewayOutcome.Resume, false);
                error = e;
            }

            if (end.Outcome == GatewayOutcome.Stop)
            {
                status.Set(shardId, "stopped");
                return;
            }

            if (end.Outcome == GatewayOutcome.Identify)
            {
                _sessionId = null;
                _resumeUrl = null;
                _sequence = null;
            }

            // Discord asked for the reconnect (or the connection was a zombie): go again at once. Otherwise back off
            // exponentially, with jitter so that many shards do not reconnect in step.
            if (end.Requested) backoff.Reset();
            var delay = end.Requested ? TimeSpan.Zero : backoff.Next();
            status.Set(shardId, "reconnecting");
            DiscordLog.ShardReconnecting(logger, shardId, Math.Round(delay.TotalSeconds, 1), error);
            if (delay > TimeSpan.Zero) await Task.Delay(delay, time, cancellationToken);
        }
    }

    [SuppressMessage("Reliability", "CA2025", Justification = "The heartbeat task is awaited in the finally block, before the socket and sender are disposed.")]
    private async Task<(GatewayOutcome Outcome, bool Requested)> ConnectOnceAsync(CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        var resuming = _sessionId is not null && _resumeUrl is not null;
        status.Set(shardId, "connecting");
        await socket.ConnectAsync(WithVersion(resuming ? _resumeUrl! : gatewayUrl), cancellationToken);
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var limiter = new GatewayCommandLimiter(time);
        using var sender = new Sender(socket, limiter);
        var shared = new ConnectionState();
        Task? heartbeating = null;
        try
        {
            var hello = await ReceiveAsync(socket, connection.Token) ?? throw new WebSocketException("closed before Hello");
            if (hello["op"]?.GetValue<int>() != 10) throw new InvalidDataException("the first message was not Hello");
            var interval = TimeSpan.FromMilliseconds(hello["d"]!["heartbeat_interval"]!.GetValue<double>());
            heartbeating = HeartbeatAsync(socket, sender, shared, interval, connection.Token);

            if (resuming)
            {
                status.Set(shardId, "resuming");
                await sender.SendAsync(Resume(), connection.Token);
            }
            else
            {
                await IdentifyAsync(sender, connection.Token);
            }

            while (true)
            {
                JsonNode? message;
                try
                {
                    message = await ReceiveAsync(socket, connection.Token);
                }
                catch (WebSocketException) when (shared.Zombie)
                {
                    return (GatewayOutcome.Resume, true);
                }

                if (message is null) return Closed(socket);
                var end = await HandleAsync(message, socket, sender, shared, connection.Token);
                if (end is { } outcome) return outcome;
            }
        }
        finally
        {
            await connection.CancelAsync();
            foreach (var running in new[] { heartbeating, shared.Reidentifying })
            {
                if (running is null) continue;
                try
                {
                    await running;
                }
                catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
                {
                    // the connection is over either way
                }
            }
        }
    }

    private async Task<(GatewayOutcome, bool)?> HandleAsync(JsonNode message, ClientWebSocket socket, Sender sender, ConnectionState shared, CancellationToken cancellationToken)
    {
        switch (message["op"]?.GetValue<int>())
        {
            case 0:
                if (message["s"] is JsonValue s && s.TryGetValue<long>(out var sequence)) Volatile.Write(ref shared.Sequence, sequence);
                _sequence = Volatile.Read(ref shared.Sequence);
                Dispatch(message["t"]?.GetValue<string>(), message["d"]);
                return null;
            case 1: // Discord asks for a heartbeat now
                await sender.SendAsync(Heartbeat(_sequence), cancellationToken);
                return null;
            case 7: // Reconnect
                status.Set(shardId, "reconnect requested");
                await CloseAsync(socket);
                return (GatewayOutcome.Resume, true);
            case 9: // Invalid Session: d says whether it can be resumed
                if (message["d"]?.GetValueKind() == JsonValueKind.True)
                {
                    await CloseAsync(socket);
                    return (GatewayOutcome.Resume, true);
                }

                status.Set(shardId, "session invalid");
                _sessionId = null;
                _resumeUrl = null;
                _sequence = null;
                Volatile.Write(ref shared.Sequence, 0);

                // Discord asks for a wait of 1–5 s before the fresh Identify. The receive loop goes on reading meanwhile:
                // blocked, it would leave heartbeat ACKs unread and the heartbeat would take the connection for a zombie.
                if (shared.Reidentifying is null or { IsCompleted: true })
                {
                    shared.Reidentifying = IdentifyAfterAsync(TimeSpan.FromSeconds(1 + (Random.Shared.NextDouble() * 4)), sender, cancellationToken);
                }

                return null;
            case 11: // Heartbeat ACK
                shared.Acknowledged = true;
                status.SetLatency(shardId, time.GetUtcNow() - shared.SentAt);
                return null;
            default:
                return null;
        }
    }

    private void Dispatch(string? type, JsonNode? data)
    {
        switch (type)
        {
            case "READY":
                _sessionId = data?["session_id"]?.GetValue<string>();
                _resumeUrl = Uri.TryCreate(data?["resume_gateway_url"]?.GetValue<string>(), UriKind.Absolute, out var resume) ? resume : null;
                status.Set(shardId, "ready");
                DiscordLog.ShardState(logger, shardId, "ready");
                break;
            case "RESUMED":
                status.Set(shardId, "ready");
                DiscordLog.ShardState(logger, shardId, "resumed");
                break;
            case "INTERACTION_CREATE" when data is not null:
                _ = AnswerAsync(data.ToJsonString()); // never hold up the receive loop; the answer has 3 s
                break;
        }
    }

    private async Task AnswerAsync(string interactionJson)
    {
        try
        {
            using var document = JsonDocument.Parse(interactionJson);
            var interaction = document.RootElement;
            var id = interaction.GetProperty("id").GetString()!;
            var interactionToken = interaction.GetProperty("token").GetString()!;
            var response = await handler.HandleAsync(interaction, CancellationToken.None);
            await rest.CreateInteractionResponseAsync(id, interactionToken, response, CancellationToken.None);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or DiscordApiException or HttpRequestException)
        {
            DiscordLog.GatewayInteractionFailed(logger, e);
        }
    }

    private async Task IdentifyAsync(Sender sender, CancellationToken cancellationToken)
    {
        status.Set(shardId, "identifying");
        await identify.WaitTurnAsync(cancellationToken);
        await sender.SendAsync(Identify(), cancellationToken);
    }

    private async Task IdentifyAfterAsync(TimeSpan delay, Sender sender, CancellationToken cancellationToken)
    {
        await Task.Delay(delay, time, cancellationToken);
        await IdentifyAsync(sender, cancellationToken);
    }

    // Heartbeats every interval, the first after a random share of it; an interval without an ACK means the
    // connection is a zombie: abort it so the receive loop ends and the shard resumes.
    private async Task HeartbeatAsync(ClientWebSocket socket, Sender sender, ConnectionState shared, TimeSpan interval, CancellationToken cancellationToken)
    {
        await Task.Delay(interval * Random.Shared.NextDouble(), time, cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            if (!shared.Acknowledged)
            {
                shared.Zombie = true;
                DiscordLog.ShardZombie(logger, shardId);
                socket.Abort();
                return;
            }

            shared.Acknowledged = false;
            shared.SentAt = time.GetUtcNow();
            var sequence = Volatile.Read(ref shared.Sequence);
            await sender.SendAsync(Heartbeat(sequence == 0 ? _sequence : sequence), cancellationToken);
            await Task.Delay(interval, time, cancellationToken);
        }
    }

    private (GatewayOutcome, bool) Closed(ClientWebSocket socket)
    {
        var code = (int?)socket.CloseStatus ?? 0;
        if (FatalCloseCodes.Contains(code))
        {
            DiscordLog.ShardStopped(logger, shardId, code, socket.CloseStatusDescription ?? string.Empty);
            return (GatewayOutcome.Stop, false);
        }

        return (SessionEndingCloseCodes.Contains(code) ? GatewayOutcome.Identify : GatewayOutcome.Resume, false);
    }

    private static async Task CloseAsync(ClientWebSocket socket)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync(ResumableClose, "reconnecting", timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // the other side is gone already
        }
    }

    private static async Task<JsonNode?> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            if (message.Length + result.Count > MaxMessageBytes) throw new InvalidDataException("a Gateway message over 8 MB");
            await message.WriteAsync(buffer.AsMemory(0, result.Count), cancellationToken);
            if (result.EndOfMessage) break;
        }

        return JsonNode.Parse(message.ToArray());
    }

    private static Uri WithVersion(Uri url) => new UriBuilder(url) { Query = "v=10&encoding=json" }.Uri;

    private JsonObject Identify() => new()
    {
        ["op"] = 2,
        ["d"] = new JsonObject
        {
            ["token"] = token,
            ["intents"] = 0, // interactions need no intents, privileged or not
            ["properties"] = new JsonObject { ["os"] = "linux", ["browser"] = "kuril-bot", ["device"] = "kuril-bot" },
            ["shard"] = new JsonArray(shardId, shardCount),
        },
    };

    private JsonObject Resume() => new()
    {
        ["op"] = 6,
        ["d"] = new JsonObject { ["token"] = token, ["session_id"] = _sessionId, ["seq"] = _sequence },
    };

    private static JsonObject Heartbeat(long? sequence) => new() { ["op"] = 1, ["d"] = sequence };

    /// <summary>What the receive loop shares with the tasks beside it on one connection: the heartbeat, a pending Identify.</summary>
    private sealed class ConnectionState
    {
        public long Sequence;

        public Task? Reidentifying;

        public volatile bool Acknowledged = true;

        public volatile bool Zombie;

        public DateTimeOffset SentAt { get; set; }
    }

    /// <summary>Sends one message at a time, within the Gateway's command limit.</summary>
    private sealed class Sender(ClientWebSocket socket, GatewayCommandLimiter limiter) : IDisposable
    {
        private readonly SemaphoreSlim _lock = new(1, 1);

        public async Task SendAsync(JsonObject payload, CancellationToken cancellationToken)
        {
            await limiter.WaitAsync(cancellationToken);
            await _lock.WaitAsync(cancellationToken);
            try
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(payload.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            }
            finally
            {
                _lock.Release();
            }
        }

        public void Dispose() => _lock.Dispose();
    }
}
