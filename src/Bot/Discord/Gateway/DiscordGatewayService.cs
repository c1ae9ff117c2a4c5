using System.Globalization;
using System.Text.Json;
using Kuril.Bot.Discord.Rest;
using Kuril.Bot.Hosting;
using Kuril.Bot.Hosting.Supervision;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Discord.Gateway;

/// <summary>
/// Runs the Gateway transport: <c>GET /gateway/bot</c> for the address, the recommended shard count and the session
/// start limit, then every shard of this process (<c>Discord:ShardIds</c>, all by default) in parallel.
/// </summary>
internal sealed class DiscordGatewayService(
    DiscordRestClient rest,
    IDiscordInteractionHandler handler,
    GatewayStatus status,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<DiscordGatewayService> logger,
    Supervisor supervisor) : SupervisedService(supervisor, "discord gateway")
{
    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        using var gateway = await LookUpAsync(stoppingToken);
        if (gateway is null) return;
        var root = gateway.RootElement;
        var url = new Uri(root.GetProperty("url").GetString()!);
        var shardCount = options.Value.ShardCount ?? (root.TryGetProperty("shards", out var shards) ? shards.GetInt32() : 1);
        var limit = root.TryGetProperty("session_start_limit", out var l) ? l : default;
        using var identify = new IdentifyScheduler(
            time,
            limit.ValueKind == JsonValueKind.Object ? limit.GetProperty("remaining").GetInt32() : 1000,
            TimeSpan.FromMilliseconds(limit.ValueKind == JsonValueKind.Object ? limit.GetProperty("reset_after").GetDouble() : 0),
            limit.ValueKind == JsonValueKind.Object && limit.TryGetProperty("max_concurrency", out var concurrency) ? concurrency.GetInt32() : 1);
        var ids = options.Value.ParsedShardIds ?? Enumerable.Range(0, shardCount).ToList();
        await Task.WhenAll(ids.Select(id =>
        {
            // Each shard restarts alone; the same shard object keeps its session, so a restart tries to resume it.
            var shard = new GatewayShard(id, shardCount, url, options.Value.Token!, identify, handler, rest, status, time, logger);
            return Supervisor.RunAsync(string.Create(CultureInfo.InvariantCulture, $"discord shard {id}"), shard.RunAsync, stoppingToken);
        }));
    }

    private async Task<JsonDocument?> LookUpAsync(CancellationToken stoppingToken)
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        while (true)
        {
            try
            {
                return await rest.GetGatewayBotAsync(stoppingToken);
            }
            catch (DiscordApiException e) when (e.Status is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden)
            {
                DiscordLog.ShardStopped(logger, -1, (int)e.Status, "the token was refused: check Discord__Token");
                return null;
            }
            catch (Exception e) when (e is DiscordApiException or HttpRequestException or JsonException)
            {
                DiscordLog.GatewayLookupFailed(logger, e);
                await Task.Delay(backoff.Next(), time, stoppingToken);
            }
        }
    }
}
