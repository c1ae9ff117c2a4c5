using Kuril.Bot.Hosting.Supervision;
using Microsoft.Extensions.Logging;

namespace Kuril.Bot.Feedback;

/// <summary>
/// Runs <see cref="Retention.PruneAsync"/> on start and then once a day, waiting on the injected
/// <see cref="TimeProvider"/>. A failed round is logged and tried again the next day: nothing else depends on it.
/// </summary>
internal sealed class RetentionService(Retention retention, TimeProvider time, ILogger<RetentionService> logger, Supervisor supervisor)
    : SupervisedService(supervisor, "retention")
{
    /// <summary>The time between two prunings.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // let the host finish starting
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var pruned = await retention.PruneAsync(stoppingToken);
                FeedbackLog.Pruned(logger, pruned.Answers, pruned.Questions, pruned.Votes, retention.Period.TotalDays);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                FeedbackLog.PruneFailed(logger, e);
            }

            await Task.Delay(Interval, time, stoppingToken);
        }
    }
}
