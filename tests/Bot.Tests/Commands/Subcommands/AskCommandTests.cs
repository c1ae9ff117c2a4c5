using Kuril.Bot.Replies;

namespace Kuril.Bot.Tests.Commands.Subcommands;

public sealed class AskCommandTests
{
    [Fact]
    public async Task An_answer_quotes_numbered_cited_excerpts_with_more_context_and_feedback_buttons()
    {
        using var bot = new TestBot();

        var reply = await bot.RunAsync("ask", "Why did the Soviets seize the Kurils?");

        Assert.Equal(3, reply.Excerpts.Count);
        Assert.Equal([1, 2, 3], reply.Excerpts.Select(e => e.Number));
        Assert.All(reply.Excerpts, e => Assert.Contains("passage", e.Citation, StringComparison.Ordinal));
        Assert.NotEmpty(reply.Sources);
        Assert.Equal(["More", "Context [1]", "Context [2]", "Context [3]", "Helpful", "Not helpful"], reply.Buttons.Select(b => b.Label));
    }

    [Fact]
    public async Task Paging_with_more_reaches_the_end_cleanly()
    {
        using var bot = new TestBot();
        var reply = await bot.RunAsync("ask", "Kuril Islands", platform: Kuril.Bot.Commands.Platform.Console);
        var seen = reply.Excerpts.Select(e => e.Number).ToList();
        var total = int.Parse(reply.Paragraphs[^1].Split(' ')[^1].TrimEnd(':'), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(total > 6, $"only {total} excerpts; the test needs several pages");

        var presses = 0;
        while (reply.Buttons.Any(b => b.Label == "More"))
        {
            reply = await bot.PressAsync(ReplyAssert.Button(reply, "More"), platform: Kuril.Bot.Commands.Platform.Console);
            Assert.NotEmpty(reply.Excerpts);
            seen.AddRange(reply.Excerpts.Select(e => e.Number));
            Assert.True(++presses < 50, "More never ends");
        }

        Assert.Equal(Enumerable.Range(1, total), seen);
        Assert.Contains("Helpful", reply.Buttons.Select(b => b.Label));
    }

    [Fact]
    public async Task More_on_the_last_page_says_that_is_all()
    {
        using var bot = new TestBot(new Dictionary<string, string?> { ["Knowledge:MaxExcerpts"] = "10" });
        var first = await bot.RunAsync("ask", "When was the Yalta conference?");
        Assert.DoesNotContain("More", first.Buttons.Select(b => b.Label));

        // A "More" token for the page, pressed anyway (e.g. an old message after the corpus changed).
        var helpful = ReplyAssert.Button(first, "Helpful").Token;
        var forged = new ReplyButton("More", bot.Sign(helpful[..helpful.IndexOf('~', StringComparison.Ordinal)].Replace("kuril:h", "kuril:m", StringComparison.Ordinal)));
        var reply = await bot.PressAsync(forged);

        Assert.Equal("That's all", reply.Title);
        Assert.Empty(reply.Buttons);
    }

    [Fact]
    public async Task Context_shows_the_cited_passage_with_the_passages_around_it()
    {
        using var bot = new TestBot();
        var answer = await bot.RunAsync("ask", "Yalta agreement");

        var reply = await bot.PressAsync(ReplyAssert.Button(answer, "Context [1]"));

        var cited = Assert.Single(reply.Excerpts, e => e.Label == "cited");
        Assert.Equal(answer.Excerpts[0].Text, cited.Text);
        Assert.InRange(reply.Excerpts.Count, 2, 3);
        Assert.Single(reply.Sources);
    }

    [Fact]
    public async Task An_unrelated_question_is_an_honest_abstention()
    {
        using var bot = new TestBot();

        var reply = await bot.RunAsync("ask", "What is the capital of Australia?");

        Assert.Empty(reply.Excerpts);
        Assert.Contains(reply.Paragraphs, p => p.Contains("won't guess", StringComparison.Ordinal));
        Assert.DoesNotContain("More", reply.Buttons.Select(b => b.Label));
    }

    [Fact]
    public async Task Ask_without_a_question_shows_an_example()
    {
        using var bot = new TestBot();

        var reply = await bot.RunAsync("ask");

        Assert.Contains("/kuril ask", Assert.Single(reply.Paragraphs), StringComparison.Ordinal);
    }
}
