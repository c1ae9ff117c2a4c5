using Kuril.Bot.Feedback;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kuril.Bot.Hosting.Health;

/// <summary>Ready when the bot's database answers a query.</summary>
internal sealed class StoreHealthCheck(BotDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = database.Open();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("store reachable");
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy("the store is not reachable", e);
        }
    }
}
