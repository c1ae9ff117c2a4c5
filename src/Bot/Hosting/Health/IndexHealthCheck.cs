using Kuril.Knowledge.Answers;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kuril.Bot.Hosting.Health;

/// <summary>Ready when the corpus is indexed and holds passages.</summary>
internal sealed class IndexHealthCheck(KnowledgeBase knowledge) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!knowledge.IsLoaded) return Task.FromResult(HealthCheckResult.Unhealthy("the index is not loaded yet"));
        var data = new Dictionary<string, object> { ["documents"] = knowledge.Documents.Count, ["passages"] = knowledge.PassageCount };
        return Task.FromResult(knowledge.PassageCount > 0
            ? HealthCheckResult.Healthy("index loaded", data)
            : HealthCheckResult.Unhealthy("the index has no passages", data: data));
    }
}
