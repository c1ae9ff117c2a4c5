using System.Globalization;
using Kuril.Bot.Hosting.Supervision;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kuril.Bot.Hosting.Health;

/// <summary>
/// Shows each supervised part that failed and was restarted; degraded while a failure is recent, since a part that
/// keeps failing is restarting rather than serving. Never unhealthy: the rest of the bot is answering.
/// </summary>
internal sealed class SupervisionHealthCheck(SupervisionState state, TimeProvider time) : IHealthCheck
{
    private static readonly TimeSpan Recent = TimeSpan.FromMinutes(10);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var failures = state.Failures;
        if (failures.Count == 0) return Task.FromResult(HealthCheckResult.Healthy("no part has failed"));
        var data = failures.ToDictionary(
            f => f.Key,
            f => (object)string.Create(CultureInfo.InvariantCulture, $"restarted {f.Value.Restarts}×, last after {f.Value.LastError} at {f.Value.LastAt:O}"),
            StringComparer.Ordinal);
        var now = time.GetUtcNow();
        return Task.FromResult(failures.Values.Any(f => now - f.LastAt < Recent)
            ? HealthCheckResult.Degraded("a part failed recently and was restarted", data: data)
            : HealthCheckResult.Healthy("parts restarted since start", data));
    }
}
