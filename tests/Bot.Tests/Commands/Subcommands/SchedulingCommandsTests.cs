namespace Kuril.Bot.Tests.Commands.Subcommands;

/// <summary>onthisday, timeline and the subscription commands: validated now, backed by the timeline issue later.</summary>
public sealed class SchedulingCommandsTests
{
    [Theory]
    [InlineData("08-18", "On this day: 08-18")]
    [InlineData("02-29", "On this day: 02-29")]
    [InlineData("", "On this day: 08-18")] // the fake clock's today
    public async Task Onthisday_accepts_a_month_and_day_and_says_the_timeline_is_not_loaded(string day, string title)
    {
        using var bot = new TestBot();

        var reply = await bot.RunAsync("onthisday", day);

        Assert.Equal(title, reply.Title);
        Assert.Contains("isn't loaded yet", reply.Paragraphs[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("13-01")]
    [InlineData("02-30")]
    [InlineData("8/18")]
    [InlineData("tomorrow")]
    public async Task Onthisday_names_the_accepted_form_for_a_bad_day(string day)
    {
        using var bot = new TestBot();

        var reply = await bot.RunAsync("onthisday", day);

        Assert.Equal("That's not a day", reply.Title);
        Assert.Contains("MM-DD", reply.Paragraphs[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Timeline: the whole timeline")]
    [InlineData("1945", "Timeline: 1945")]
    [InlineData("1855-1956", "Timeline: 1855–1956")]
    [InlineData("1855 – 1956", "Timeline: 1855–1956")]
    public async Task Timeline_accepts_a_year_or_a_range(string range, string title)
    {
        using var bot = new TestBot();

        var reply = await bot.RunAsync("timeline", range);

        Assert.Equal(title, reply.Title);
        Assert.Contains("isn't loaded yet", reply.Paragraphs[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1956-1855")]
    [InlineData("45")]
    [InlineData("1945-")]
    [InlineData("year")]
    [InlineData("3000")]
    public async Task Timeline_names_the_accepted_forms_for_a_bad_range(string range)
    {
        using var bot = new TestBot();

        var reply = await bot.RunAsync("timeline", range);

        Assert.Equal("That's not a year or a range", reply.Title);
        Assert.Contains("from-to", reply.Paragraphs[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Subscribe: daily at 09:00 UTC")]
    [InlineData("08:30", "Subscribe: daily at 08:30 UTC")]
    [InlineData("8:05 Asia/Tokyo", "Subscribe: daily at 08:05 Asia/Tokyo")]
    [InlineData("Europe/Moscow", "Subscribe: daily at 09:00 Europe/Moscow")]
    public async Task Subscribe_accepts_a_time_and_an_iana_zone_and_says_nothing_is_stored_yet(string arguments, string title)
    {
        using var bot = new TestBot();

        var reply = await bot.RunAsync("subscribe", arguments, isAdmin: true);

        Assert.Equal(title, reply.Title);
        Assert.Contains(reply.Paragraphs, p => p.Contains("nothing was saved", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("08:60")]
    [InlineData("08:30 Mars/Olympus")]
    [InlineData("08:30 Tokyo Standard Time")]
    [InlineData("Asia/Tokyo 08:30")]
    public async Task Subscribe_names_the_accepted_forms_for_a_bad_time_or_zone(string arguments)
    {
        using var bot = new TestBot();

        var reply = await bot.RunAsync("subscribe", arguments, isAdmin: true);

        Assert.Equal("I can't read that time", reply.Title);
        Assert.Contains(reply.Paragraphs, p => p.StartsWith("Accepted forms: /kuril subscribe", StringComparison.Ordinal) && p.Contains("IANA", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_admins_subscribe_or_unsubscribe_a_channel()
    {
        using var bot = new TestBot();

        Assert.Equal("Admins only", (await bot.RunAsync("subscribe", "08:30")).Title);
        Assert.Equal("Admins only", (await bot.RunAsync("unsubscribe")).Title);
    }

    [Fact]
    public async Task Unsubscribe_and_subscription_say_subscriptions_are_not_stored_yet()
    {
        using var bot = new TestBot();

        var unsubscribe = await bot.RunAsync("unsubscribe", isAdmin: true);
        var subscription = await bot.RunAsync("subscription");

        Assert.Contains(unsubscribe.Paragraphs, p => p.Contains("aren't stored yet", StringComparison.Ordinal));
        Assert.Contains(subscription.Paragraphs, p => p.Contains("aren't stored yet", StringComparison.Ordinal));
    }
}
