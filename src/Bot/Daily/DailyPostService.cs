using Kuril.Bot.Hosting.Supervision;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Daily;

/// <summary>
/// The thin loop around <see cref="DailyPostScheduler.RunDueAsync"/>: a round on start (catching up today's missed
/// posts and claims left by a crash), then a round at each next post time, and at least every
/// <see cref="DailyPostOptions.RoundInterval"/> (a minute) so new subscriptions, retries and expired leases are seen.
/// All waits go through the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class DailyPostService(DailyPostScheduler scheduler, TimeProvider time, IOptions<DailyPostOptions> options, ILogger<DailyPostService> logger, Supervisor supervisor) : SupervisedService(supervisor, "daily posts")
{
    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // let the host finish starting
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var wait = options.Value.RoundInterval;
            try
            {
                await scheduler.RunDueAsync(now, stoppingToken);

                // Measured from after the round: a long batch must not push the next post time back by its length.
                var after = time.GetUtcNow();
                if (await scheduler.NextDueAsync(after, stoppingToken) is { } next && next - after < wait) wait = next - after;
                if (first) DailyLog.SchedulerStarted(logger, scheduler.Platforms);
                first = false;
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                DailyLog.RoundFailed(logger, e);
            }

            await Task.Delay(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, time, stoppingToken);
        }
    }
}
