using Kuril.Bot.Hosting;
using Kuril.Bot.Hosting.Supervision;
using Kuril.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kuril.Bot.Tests.Hosting.Supervision;

/// <summary>The supervisor on a clock 50× real time, so its backoff follows its real schedule quickly.</summary>
public sealed class SupervisorTests
{
    private readonly AcceleratedTimeProvider _time = new(50);
    private readonly SupervisionState _state = new();

    [Fact(Timeout = 30_000)]
    public async Task Restarts_a_part_that_throws_an_unexpected_exception_type_until_it_runs()
    {
        var runs = 0;
        await Supervisor().RunAsync(
            "flaky part",
            _ =>
            {
                // Types no adapter catches: a bug, or a peer sending what nobody expected.
                if (++runs <= 3) throw runs % 2 == 0 ? new KeyNotFoundException() : (Exception)new InvalidCastException();
                return Task.CompletedTask;
            },
            TestContext.Current.CancellationToken);

        Assert.Equal(4, runs);
        var failure = _state.Failures["flaky part"];
        Assert.Equal(3, failure.Restarts);
        Assert.Equal(nameof(InvalidCastException), failure.LastError);
    }

    [Fact(Timeout = 30_000)]
    public async Task Backs_off_between_restarts()
    {
        var starts = new List<DateTimeOffset>();
        await Supervisor().RunAsync(
            "failing part",
            _ =>
            {
                starts.Add(_time.GetUtcNow());
                if (starts.Count < 4) throw new InvalidOperationException("again");
                return Task.CompletedTask;
            },
            TestContext.Current.CancellationToken);

        // Half to all of 1 s, 2 s, 4 s: each wait at least half of a ceiling that doubles.
        var waits = starts.Zip(starts.Skip(1), (a, b) => (b - a).TotalSeconds).ToList();
        Assert.InRange(waits[0], 0.5, 3);
        Assert.InRange(waits[1], 1, 5);
        Assert.InRange(waits[2], 2, 8);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_part_that_returns_is_done_and_stopping_ends_the_restarts()
    {
        var runs = 0;
        await Supervisor().RunAsync("finished part", _ => Task.FromResult(++runs), TestContext.Current.CancellationToken);
        Assert.Equal(1, runs);
        Assert.Empty(_state.Failures);

        using var stop = new CancellationTokenSource();
        var failing = Supervisor().RunAsync(
            "failing part",
            async _ =>
            {
                await Task.Yield();
                throw new FormatException();
            },
            stop.Token);
        await stop.CancelAsync();
        await failing.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.True(failing.IsCompletedSuccessfully);
    }

    private Supervisor Supervisor() => new(
        _state,
        new BotMetrics(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()),
        _time,
        NullLogger<Supervisor>.Instance);
}
