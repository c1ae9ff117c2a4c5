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

        Assert.True(limiter.TryAcquire("a", out _, out _));
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.True(limiter.TryAcquire("a", out _, out _));
        Assert.False(limiter.TryAcquire("a", out var wait, out _));
        Assert.Equal(TimeSpan.FromSeconds(6), wait);

        time.Advance(TimeSpan.FromSeconds(6));
        Assert.True(limiter.TryAcquire("a", out _, out _));
        Assert.False(limiter.TryAcquire("a", out wait, out _));
        Assert.Equal(TimeSpan.FromSeconds(4), wait);
    }

    [Fact]
    public void Tells_a_flooding_user_once_per_wait()
    {
        var time = new FakeTimeProvider();
        var limiter = new UserRateLimiter(time, Options.Create(new CommandOptions { RateLimitPermits = 1, RateLimitWindow = TimeSpan.FromSeconds(10) }));

        Assert.True(limiter.TryAcquire("a", out _, out _));
        Assert.False(limiter.TryAcquire("a", out _, out var told));
        Assert.False(told);
        time.Advance(TimeSpan.FromSeconds(3));
        Assert.False(limiter.TryAcquire("a", out _, out told));
        Assert.True(told);
        Assert.True(limiter.TryAcquire("b", out _, out _), "another user has a permit of their own");

        time.Advance(TimeSpan.FromSeconds(7));
        Assert.True(limiter.TryAcquire("a", out _, out _));
        Assert.False(limiter.TryAcquire("a", out _, out told));
        Assert.False(told, "a new wait is told again");
    }
}
