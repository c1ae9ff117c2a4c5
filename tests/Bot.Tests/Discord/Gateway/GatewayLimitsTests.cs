using Kuril.Bot.Discord.Gateway;
using Kuril.Bot.Tests.Support;

namespace Kuril.Bot.Tests.Discord.Gateway;

/// <summary>The Gateway's own limits, on a clock running 100× faster than real time.</summary>
public sealed class GatewayLimitsTests
{
    // A timer may fire a millisecond early in real time, which the accelerated clock turns into 100 ms.
    private static readonly TimeSpan Jitter = TimeSpan.FromMilliseconds(500);

    [Fact(Timeout = 30_000)]
    public async Task Never_sends_more_than_120_commands_in_60_seconds()
    {
        var time = new AcceleratedTimeProvider(100);
        using var limiter = new GatewayCommandLimiter(time);
        var start = time.GetUtcNow();

        for (var i = 0; i < GatewayCommandLimiter.Limit; i++) await limiter.WaitAsync(TestContext.Current.CancellationToken);
        var burst = time.GetUtcNow() - start;
        await limiter.WaitAsync(TestContext.Current.CancellationToken);

        Assert.True(burst < TimeSpan.FromSeconds(30), $"the first 120 took {burst}");
        Assert.True(time.GetUtcNow() - start >= TimeSpan.FromSeconds(60) - Jitter, "the 121st command went out within 60 s");
    }

    [Fact(Timeout = 30_000)]
    public async Task Spaces_identifies_by_max_concurrency_every_five_seconds()
    {
        var time = new AcceleratedTimeProvider(100);
        using var scheduler = new IdentifyScheduler(time, remaining: 10, resetAfter: TimeSpan.Zero, maxConcurrency: 2);
        var start = time.GetUtcNow();
        var turns = new List<TimeSpan>();

        for (var i = 0; i < 4; i++)
        {
            await scheduler.WaitTurnAsync(TestContext.Current.CancellationToken);
            turns.Add(time.GetUtcNow() - start);
        }

        Assert.True(turns[1] < TimeSpan.FromSeconds(5), "two may identify at once");
        Assert.True(turns[2] >= TimeSpan.FromSeconds(5) - Jitter, "the third waits for the next five-second window");
    }

    [Fact(Timeout = 30_000)]
    public async Task Waits_for_the_reset_when_the_days_session_starts_are_used_up()
    {
        var time = new AcceleratedTimeProvider(100);
        using var scheduler = new IdentifyScheduler(time, remaining: 0, resetAfter: TimeSpan.FromSeconds(90), maxConcurrency: 1);
        var start = time.GetUtcNow();

        await scheduler.WaitTurnAsync(TestContext.Current.CancellationToken);

        Assert.True(time.GetUtcNow() - start >= TimeSpan.FromSeconds(90) - Jitter);
    }
}
