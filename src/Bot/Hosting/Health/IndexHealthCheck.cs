using System.Globalization;
using Kuril.Knowledge.Answers;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kuril.Bot.Hosting.Health;

/// <summary>
/// Ready when the corpus is indexed and holds passages; says how old the serving index is and why the last
/// re-index was refused, since a refused one leaves the old index serving and the bot ready.
/// </summary>
internal sealed class IndexHealthCheck(KnowledgeBase knowledge, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!knowledge.IsLoaded) return Task.FromResult(HealthCheckResult.Unhealthy("the index is not loaded yet"));
        var data = new Dictionary<string, object> { ["documents"] = knowledge.Documents.Count, ["passages"] = knowledge.PassageCount };
        if (knowledge.LoadedAt is { } loadedAt)
        {
            data["loaded at"] = loadedAt.ToString("O", CultureInfo.InvariantCulture);
            data["age seconds"] = Math.Max(0, (long)(time.GetUtcNow() - loadedAt).TotalSeconds);
        }

        data["last reload error"] = knowledge.LastReloadError ?? "none";
        return Task.FromResult(knowledge.PassageCount > 0
            ? HealthCheckResult.Healthy("index loaded", data)
            : HealthCheckResult.Unhealthy("the index has no passages", data: data));
    }
}
