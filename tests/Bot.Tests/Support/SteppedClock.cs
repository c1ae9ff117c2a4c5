using Microsoft.Extensions.Time.Testing;

namespace Kuril.Bot.Tests.Support;

/// <summary>
/// Runs work that waits on a <see cref="FakeTimeProvider"/> and talks HTTP: the clock moves in small steps with a
/// moment of real time between them for the round trips, so a wait is never skipped by advancing before it starts.
/// </summary>
internal static class SteppedClock
{
    /// <summary>How far the clock moves per step.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    /// <summary>Steps the clock until the work is done (bounded: two minutes of fake time).</summary>
    public static async Task RunAsync(FakeTimeProvider time, Task work)
    {
        for (var i = 0; i < 1200 && !work.IsCompleted; i++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
            time.Advance(Step);
        }

        await work;
    }

    /// <inheritdoc cref="RunAsync(FakeTimeProvider, Task)"/>
    public static async Task<T> RunAsync<T>(FakeTimeProvider time, Task<T> work)
    {
        await RunAsync(time, (Task)work);
        return await work;
    }

    /// <summary>Asserts the clock moved by the expected wait (within a second) between two stamps.</summary>
    public static void AssertGap(DateTimeOffset first, DateTimeOffset second, TimeSpan wait) =>
        Assert.True(second - first >= wait && second - first < wait + TimeSpan.FromSeconds(1), $"waited {(second - first).TotalSeconds} s, expected {wait.TotalSeconds} s");
}
