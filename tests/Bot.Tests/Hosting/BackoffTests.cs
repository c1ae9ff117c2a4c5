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

    [Fact]
    public void After_counted_failures_gives_what_next_gives_after_that_many_in_a_row()
    {
        double[] ceilings = [60, 120, 240, 480, 960, 1800, 1800];
        for (var failures = 1; failures <= ceilings.Length; failures++)
        {
            var delay = Backoff.After(failures, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(30)).TotalSeconds;
            Assert.InRange(delay, ceilings[failures - 1] / 2, ceilings[failures - 1]);
        }
    }
}
