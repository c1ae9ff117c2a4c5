namespace Kuril.Bench;

/// <summary>
/// A clock that runs <see cref="Factor"/> times faster than real time, timers included: code that waits through an
/// injected <see cref="TimeProvider"/> (the rate limiter, the scheduler, the fake Discord) keeps its schedule in the
/// clock's seconds while the run takes a fraction of them. Work that is not a wait (HTTP, SQLite, CPU) is not
/// compressed, so it weighs <see cref="Factor"/> times more in the clock's seconds than in production.
/// </summary>
public sealed class AcceleratedClock(double factor) : TimeProvider
{
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow;
    private readonly long _startTimestamp = System.GetTimestamp();

    public double Factor { get; } = factor;

    public override DateTimeOffset GetUtcNow() => _start + (System.GetElapsedTime(_startTimestamp) * Factor);

    public override long GetTimestamp() => _startTimestamp + (long)((System.GetTimestamp() - _startTimestamp) * Factor);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, Scale(dueTime), Scale(period));

    private TimeSpan Scale(TimeSpan span) => span == Timeout.InfiniteTimeSpan ? span : span / Factor;
}
