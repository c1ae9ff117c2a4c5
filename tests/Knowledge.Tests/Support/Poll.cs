namespace Kuril.Knowledge.Tests.Support;

/// <summary>Bounded polling for things that happen in the background.</summary>
internal static class Poll
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>Checks every 100 ms, up to 10 s, until the condition holds; fails naming what was awaited.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Not within {Timeout.TotalSeconds} s: {what}");
            await Task.Delay(Interval, TestContext.Current.CancellationToken);
        }
    }
}
