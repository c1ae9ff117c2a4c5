namespace Kuril.Bot.Tests.Support;

/// <summary>
/// A clock that runs <see cref="Factor"/> times faster than real time, timers included, so code that waits through
/// an injected <see cref="TimeProvider"/> (heartbeats, back-offs) runs its real schedule quickly, without a test
/// having to step a fake clock in lockstep with network I/O.
/// </summary>
internal sealed class AcceleratedTimeProvider(double factor) : TimeProvider
{
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow;
    private readonly long _startTimestamp = System.GetTimestamp();

    public double Factor { get; } = factor;

    public override DateTimeOffset GetUtcNow() => _start + (System.GetElapsedTime(_startTimestamp) * Factor);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, Scale(dueTime), Scale(period));

    private TimeSpan Scale(TimeSpan span) => span == Timeout.InfiniteTimeSpan ? span : span / Factor;
}
