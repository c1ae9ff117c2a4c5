using System.Data.Common;
using Kuril.Bot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kuril.Bot.Hosting.Health;

/// <summary>Ready when the bot's database answers a query.</summary>
internal sealed class StoreHealthCheck(BotDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("store reachable");
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("the store is not reachable", e);
        }
    }
}
