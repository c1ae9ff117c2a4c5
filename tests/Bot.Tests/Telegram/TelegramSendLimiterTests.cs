using Kuril.Bot.Telegram;
using Microsoft.Extensions.Time.Testing;

namespace Kuril.Bot.Tests.Telegram;

/// <summary>The send limiter's slots, read off a fake clock that does not move.</summary>
public sealed class TelegramSendLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 8, 18, 6, 0, 0, TimeSpan.Zero));

    [Fact]
    public void One_chat_gets_one_message_a_second()
    {
        var limiter = new TelegramSendLimiter(_time);

        Assert.Equal(TimeSpan.Zero, limiter.Reserve(5));
        Assert.Equal(TimeSpan.FromSeconds(1), limiter.Reserve(5));
        Assert.Equal(TimeSpan.FromSeconds(2), limiter.Reserve(5));
        Assert.Equal(TimeSpan.Zero, limiter.Reserve(6));
    }

    [Fact]
    public void A_group_gets_twenty_messages_a_minute()
    {
        var limiter = new TelegramSendLimiter(_time);

        var waits = Enumerable.Range(0, 21).Select(_ => limiter.Reserve(-100)).ToList();

        Assert.Equal(TimeSpan.FromSeconds(19), waits[19]);
        Assert.Equal(TimeSpan.FromMinutes(1), waits[20]);
    }

    [Fact]
    public void No_more_than_thirty_messages_a_second_overall()
    {
        var limiter = new TelegramSendLimiter(_time);

        var waits = Enumerable.Range(1, 31).Select(chat => limiter.Reserve(chat)).ToList();

        Assert.All(waits.Take(30), w => Assert.Equal(TimeSpan.Zero, w));
        Assert.True(waits[30] > TimeSpan.Zero, "the 31st message in a second is queued");
    }
}
