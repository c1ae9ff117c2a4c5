using Kuril.Bot.Commands.Subcommands;

namespace Kuril.Bot.Tests.Commands.Subcommands;

/// <summary>onthisday, timeline and the subscription commands over the shipped timeline and a temp bot.db.</summary>
public sealed class SchedulingCommandsTests
{
    [Theory]
    [InlineData("08-18")]
    [InlineData("")] // the fake clock's today
    public async Task Onthisday_lists_the_events_of_the_day_each_cited(string day)
    {
        using var bot = new TestBot();

        var reply = await bot.RunAsync("onthisday", day);

        Assert.Equal("On this day, 18 August", reply.Title);
        var landing = Assert.Single(reply.Excerpts, e => e.Label == "1945");
        Assert.Contains("Shumshu", landing.Text, StringComparison.Ordinal);
        Assert.Contains("kuril-collected-excerpts", landing.Citation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Onthisday_offers_the_nearest_events_within_a_week_on_a_day_without_any()
    {
        using var bot = new TestBot();

        var reply = await bot.RunAsync("onthisday", "01-03");

        Assert.Contains("No events in the timeline on 3 January", reply.Paragraphs[0], StringComparison.Ordinal);
        Assert.NotEmpty(reply.Excerpts);
        Assert.All(reply.Excerpts, e => Assert.Matches(@"^(in \d days?|\d days? ago), in \d{4} \(", e.Label));
    }

    [Fact]
    public async Task Onthisday_lists_the_newest_year_first_when_asked()
    {
        using var bot = new TestBot();

        var oldest = await bot.RunAsync("onthisday", "09-05");
        var newest = await bot.RunAsync("onthisday", "09-05 newest");

        Assert.Equal(oldest.Excerpts.Select(e => e.Label).Reverse(), newest.Excerpts.Select(e => e.Label));
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
    public async Task Timeline_lists_a_year_or_a_range_in_order_each_cited(string range, string title)
    {
        using var bot = new TestBot();

        var reply = await bot.RunAsync("timeline", range);

        Assert.Equal(title, reply.Title);
        Assert.InRange(reply.Excerpts.Count, 1, TimelineCommand.PageSize);
        Assert.All(reply.Excerpts, e => Assert.NotEmpty(e.Citation));
        Assert.Equal(reply.Excerpts.Select(e => e.Label).Order(StringComparer.Ordinal), reply.Excerpts.Select(e => e.Label));
        Assert.StartsWith("Page 1 of ", reply.Paragraphs[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeline_pages_to_the_end_and_names_the_next_page()
    {
        using var bot = new TestBot();

        var first = await bot.RunAsync("timeline", "1945");
        var second = await bot.RunAsync("timeline", "1945 page 2");
        var beyond = await bot.RunAsync("timeline", "1945 page 9");

        Assert.Contains("Next: /kuril timeline 1945 page 2", first.Paragraphs[^1], StringComparison.Ordinal);
        Assert.Equal(TimelineCommand.PageSize + 1, second.Excerpts[0].Number);
        Assert.Empty(first.Excerpts.Select(e => e.Label).Intersect(second.Excerpts.Select(e => e.Label)));
        Assert.Contains("only", beyond.Paragraphs[0], StringComparison.Ordinal);
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
    [InlineData("", "Subscribed: daily at 09:00 UTC")]
    [InlineData("08:30", "Subscribed: daily at 08:30 UTC")]
    [InlineData("8:05 Asia/Tokyo", "Subscribed: daily at 08:05 Asia/Tokyo")]
    [InlineData("Europe/Moscow", "Subscribed: daily at 09:00 Europe/Moscow")]
    public async Task Subscribe_stores_a_time_and_an_iana_zone(string arguments, string title)
    {
        using var bot = new TestBot();

        var reply = await bot.RunAsync("subscribe", arguments, isAdmin: true);
        var shown = await bot.RunAsync("subscription");

        Assert.Equal(title, reply.Title);
        Assert.Equal(title.Replace("Subscribed", "Subscription", StringComparison.Ordinal), shown.Title);
    }

    [Fact]
    public async Task Subscription_shows_the_next_post_in_local_time_and_utc()
    {
        using var bot = new TestBot(); // 2026-08-18 06:00 UTC is 15:00 in Tokyo: today's 09:00 has passed

        await bot.RunAsync("subscribe", "09:00 Asia/Tokyo", isAdmin: true);
        var reply = await bot.RunAsync("subscription");

        Assert.Equal("Next post: Wed 2026-08-19 09:00 Asia/Tokyo (2026-08-19 00:00 UTC).", reply.Paragraphs[0]);
    }

    [Fact]
    public async Task Unsubscribe_ends_the_subscription()
    {
        using var bot = new TestBot();
        await bot.RunAsync("subscribe", "09:00", isAdmin: true);

        var first = await bot.RunAsync("unsubscribe", isAdmin: true);
        var second = await bot.RunAsync("unsubscribe", isAdmin: true);
        var shown = await bot.RunAsync("subscription");

        Assert.Equal("Unsubscribed", first.Title);
        Assert.Contains("no subscription to stop", second.Paragraphs[0], StringComparison.Ordinal);
        Assert.Contains("no daily post", shown.Paragraphs[0], StringComparison.Ordinal);
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
        Assert.Contains("no daily post", (await bot.RunAsync("subscription")).Paragraphs[0], StringComparison.Ordinal);
    }
}
