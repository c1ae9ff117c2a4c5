using Kuril.Bot.Commands;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kuril.Bot.Tests.Commands;

public sealed class UserRateLimiterTests
{
    [Fact]
    public void Permits_free_up_one_by_one_as_the_window_slides()
    {
        var time = new FakeTimeProvider();
        var limiter = new UserRateLimiter(time, Options.Create(new CommandOptions { RateLimitPermits = 2, RateLimitWindow = TimeSpan.FromSeconds(10) }));

        Assert.True(limiter.TryAcquire("a", out _));
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.True(limiter.TryAcquire("a", out _));
        Assert.False(limiter.TryAcquire("a", out var wait));
        Assert.Equal(TimeSpan.FromSeconds(6), wait);

        time.Advance(TimeSpan.FromSeconds(6));
        Assert.True(limiter.TryAcquire("a", out _));
        Assert.False(limiter.TryAcquire("a", out wait));
        Assert.Equal(TimeSpan.FromSeconds(4), wait);
    }
}
