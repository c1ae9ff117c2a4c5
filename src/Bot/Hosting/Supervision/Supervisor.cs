using Microsoft.Extensions.Logging;

namespace Kuril.Bot.Hosting.Supervision;

/// <summary>
/// Runs a part of the bot (a platform adapter, a Gateway shard, the daily scheduler) so that nothing it throws stops
/// the host: an unexpected exception is logged once with the part's name, counted in <c>kuril.supervision.restarts</c>,
/// shown in <c>/readyz</c>, and that part alone starts again after a backoff. A part that returns is done.
/// </summary>
public sealed class Supervisor(SupervisionState state, BotMetrics metrics, TimeProvider time, ILogger<Supervisor> logger)
{
    private static readonly TimeSpan FirstRestart = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRestart = TimeSpan.FromMinutes(2);

    // A part that ran this long before failing is failing anew, not still: its next restart is quick again.
    private static readonly TimeSpan HealthyRun = TimeSpan.FromMinutes(5);

    /// <summary>Runs <paramref name="run"/> until it returns or <paramref name="stoppingToken"/> is cancelled, restarting it after each failure.</summary>
    /// <param name="part">The part's name as logs, metrics and <c>/readyz</c> show it, e.g. <c>discord shard 0</c>.</param>
    /// <param name="run">The part's work; each restart calls it again.</param>
    /// <param name="stoppingToken">Stops the part and the restarts.</param>
    public async Task RunAsync(string part, Func<CancellationToken, Task> run, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var backoff = new Backoff(FirstRestart, MaxRestart);
        while (!stoppingToken.IsCancellationRequested)
        {
            var started = time.GetTimestamp();
            try
            {
                await run(stoppingToken);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The point of a supervisor: whatever a part throws, the rest of the bot goes on.
            catch (Exception e)
#pragma warning restore CA1031
            {
                if (time.GetElapsedTime(started) >= HealthyRun) backoff.Reset();
                var delay = backoff.Next();
                state.Failed(part, e, time.GetUtcNow());
                metrics.Restart(part);
                SupervisionLog.PartFailed(logger, part, Math.Round(delay.TotalSeconds, 1), e);
                try
                {
                    await Task.Delay(delay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
