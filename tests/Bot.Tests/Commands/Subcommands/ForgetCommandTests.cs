using Kuril.Bot.Commands;

namespace Kuril.Bot.Tests.Commands.Subcommands;

public sealed class ForgetCommandTests
{
    [Theory]
    [InlineData(Platform.Discord)]
    [InlineData(Platform.Telegram)]
    [InlineData(Platform.Console)]
    public async Task Forget_deletes_only_the_callers_votes_and_answers_and_tells_them_privately_how_many(Platform platform)
    {
        using var bot = new TestBot();
        var alices = await bot.RunAsync("ask", "When was the Yalta conference?", user: "alice", platform: platform);
        var bobs = await bot.RunAsync("islands", "Shikotan", user: "bob", platform: platform);
        await bot.PressAsync(ReplyAssert.Button(bobs, "Helpful"), user: "alice", platform: platform);
        await bot.PressAsync(ReplyAssert.Button(alices, "Helpful"), user: "alice", platform: platform);
        await bot.PressAsync(ReplyAssert.Button(alices, "Not helpful"), user: "bob", platform: platform);
        await bot.PressAsync(ReplyAssert.Button(bobs, "Helpful"), user: "bob", platform: platform);

        var forgot = await bot.RunAsync("forget", user: "alice", platform: platform);

        Assert.Equal("Forgotten", forgot.Title);
        Assert.True(forgot.ForRequesterOnly);
        Assert.Contains("Deleted 2 feedback votes and 1 stored answer of yours.", forgot.Paragraphs);
        Assert.Equal("That answer has expired", (await bot.PressAsync(ReplyAssert.Button(alices, "Helpful"), user: "carol", platform: platform)).Title);
        Assert.Equal("Already counted", (await bot.PressAsync(ReplyAssert.Button(bobs, "Helpful"), user: "bob", platform: platform)).Title); // bob's vote stays
        Assert.Equal("Thanks for the feedback", (await bot.PressAsync(ReplyAssert.Button(bobs, "Helpful"), user: "alice", platform: platform)).Title); // alice's is gone
        Assert.Contains("Deleted 1 feedback vote and 0 stored answers of yours.", (await bot.RunAsync("forget", user: "alice", platform: platform)).Paragraphs);
    }

    [Fact]
    public async Task Forget_takes_no_arguments()
    {
        using var bot = new TestBot();
        await bot.RunAsync("ask", "When was the Yalta conference?", user: "alice");

        var refused = await bot.RunAsync("forget", "everyone", user: "alice");

        Assert.Equal("No arguments, please", refused.Title);
        Assert.Contains("Deleted 0 feedback votes and 1 stored answer of yours.", (await bot.RunAsync("forget", user: "alice")).Paragraphs);
    }
}
