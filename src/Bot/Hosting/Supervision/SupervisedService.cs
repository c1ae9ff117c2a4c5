using Microsoft.Extensions.Hosting;

namespace Kuril.Bot.Hosting.Supervision;

/// <summary>A hosted service whose work runs under the <see cref="Supervisor"/>: a failure restarts it, never stops the host.</summary>
/// <param name="supervisor">Runs the work and restarts it.</param>
/// <param name="part">The service's name in logs, metrics and <c>/readyz</c>.</param>
public abstract class SupervisedService(Supervisor supervisor, string part) : BackgroundService
{
    /// <summary>The supervisor, for parts within the service that fail and restart on their own (a Gateway shard).</summary>
    protected Supervisor Supervisor { get; } = supervisor;

    /// <summary>The service's work, started again after a failure.</summary>
    protected abstract Task RunAsync(CancellationToken stoppingToken);

    /// <inheritdoc />
    protected sealed override Task ExecuteAsync(CancellationToken stoppingToken) => Supervisor.RunAsync(part, RunAsync, stoppingToken);
}
