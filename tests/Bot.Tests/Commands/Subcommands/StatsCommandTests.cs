using Kuril.Bot.Commands;

namespace Kuril.Bot.Tests.Commands.Subcommands;

public sealed class StatsCommandTests
{
    [Fact]
    public async Task Stats_show_each_platforms_shares_its_unanswered_questions_and_the_excerpts_voted_down_without_user_ids()
    {
        using var bot = new TestBot();
        await bot.RunAsync("ask", "What is the capital of Australia?", user: "alice");
        await bot.RunAsync("ask", "  what is the capital of AUSTRALIA ", user: "bob");
        var answered = await bot.RunAsync("ask", "When was the Yalta conference?", user: "alice");
        await bot.PressAsync(ReplyAssert.Button(answered, "Not helpful"), user: "carol");
        await bot.RunAsync("ask", "Who won the 1966 World Cup?", platform: Platform.Telegram);

        var stats = await bot.RunAsync("stats", isAdmin: true);

        Assert.Equal("Stats of the last 30 days", stats.Title);
        Assert.True(stats.ForRequesterOnly);
        Assert.Contains("Discord: 3 questions, 1 answered (33%), 2 abstained (67%).", stats.Paragraphs);
        Assert.Contains("Unanswered most: “what is the capital of australia” ×2.", stats.Paragraphs);
        Assert.Contains("Telegram: 1 question, 0 answered (0%), 1 abstained (100%).", stats.Paragraphs);
        Assert.Contains("Unanswered most: “who won the 1966 world cup” ×1.", stats.Paragraphs);
        Assert.Equal(answered.Excerpts.Select(e => e.Text).Order(), stats.Excerpts.Select(e => e.Text).Order());
        Assert.All(stats.Excerpts, e => Assert.EndsWith(": 1 “Not helpful” vote on Discord", e.Citation, StringComparison.Ordinal));
        Assert.DoesNotContain(stats.Paragraphs, p => p.Contains("alice", StringComparison.Ordinal) || p.Contains("bob", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stats_count_only_the_period_asked_for()
    {
        using var bot = new TestBot();
        await bot.RunAsync("ask", "What is the capital of Australia?");
        bot.Time.Advance(TimeSpan.FromDays(3));
        await bot.RunAsync("ask", "Who won the 1966 World Cup?");

        var stats = await bot.RunAsync("stats", "2", isAdmin: true);

        Assert.Equal("Stats of the last 2 days", stats.Title);
        Assert.Contains("Discord: 1 question, 0 answered (0%), 1 abstained (100%).", stats.Paragraphs);
        Assert.DoesNotContain(stats.Paragraphs, p => p.Contains("australia", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stats_are_for_admins_and_a_bad_period_is_explained()
    {
        using var bot = new TestBot();

        var refused = await bot.RunAsync("stats");
        var bad = await bot.RunAsync("stats", "forever", isAdmin: true);
        var empty = await bot.RunAsync("stats", platform: Platform.Console, isAdmin: true);

        Assert.Equal("Admins only", refused.Title);
        Assert.Equal("I can't read that period", bad.Title);
        Assert.StartsWith("No questions or votes in the last 30 days", empty.Paragraphs[0], StringComparison.Ordinal);
    }
}
