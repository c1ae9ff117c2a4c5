using Kuril.Bot.Hosting;

namespace Kuril.Bot.Tests.Hosting;

public sealed class BackoffTests
{
    [Fact]
    public void Delays_double_within_jitter_up_to_the_maximum()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8));
        double[] ceilings = [1, 2, 4, 8, 8, 8];
        foreach (var ceiling in ceilings)
        {
            var delay = backoff.Next().TotalSeconds;
            Assert.InRange(delay, ceiling / 2, ceiling);
        }

        Assert.Equal(ceilings.Length, backoff.Failures);
    }

    [Fact]
    public void Reset_starts_again_from_the_first_delay()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        for (var i = 0; i < 5; i++) backoff.Next();
        backoff.Reset();
        Assert.Equal(0, backoff.Failures);
        Assert.InRange(backoff.Next().TotalSeconds, 0.5, 1);
    }
}
