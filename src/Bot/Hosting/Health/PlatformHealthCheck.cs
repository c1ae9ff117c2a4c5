using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kuril.Bot.Hosting.Health;

/// <summary>Reports, for each configured platform, when it was last heard from. Informational: never unhealthy.</summary>
internal sealed class PlatformHealthCheck(IConfiguration configuration, PlatformActivity activity, IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var settings = PlatformSettings.From(configuration);
        var data = new Dictionary<string, object>();
        foreach (var (platform, configured) in settings.Platforms)
        {
            if (!configured) continue;
            data[platform.ToString().ToLowerInvariant()] = activity.LastContact(platform)?.ToString("O", CultureInfo.InvariantCulture) ?? "no contact yet";
        }

        if (services.GetService(typeof(Discord.Gateway.GatewayStatus)) is Discord.Gateway.GatewayStatus gateway)
        {
            foreach (var (shard, state) in gateway.Describe()) data["discord gateway " + shard] = state;
        }

        return Task.FromResult(HealthCheckResult.Healthy(data.Count == 0 ? "no platform configured" : "last contact per platform", data));
    }
}
