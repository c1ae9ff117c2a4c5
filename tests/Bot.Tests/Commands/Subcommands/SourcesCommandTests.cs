namespace Kuril.Bot.Tests.Commands.Subcommands;

public sealed class SourcesCommandTests
{
    [Fact]
    public async Task Sources_lists_every_document_with_passages_and_feedback_votes()
    {
        using var bot = new TestBot();
        var answer = await bot.RunAsync("ask", "Who said any deal needs public support?");
        await bot.PressAsync(ReplyAssert.Button(answer, "Helpful"), user: "a");
        await bot.PressAsync(ReplyAssert.Button(answer, "Not helpful"), user: "b");
        var quoted = answer.Excerpts.Select(e => e.Citation).ToList();

        var reply = await bot.RunAsync("sources");

        Assert.Equal(2, reply.Sources.Count);
        var putin = Assert.Single(reply.Sources, s => s.Details.Contains("id: putin-deal-needs-public-support", StringComparison.Ordinal));
        Assert.Contains("The Moscow Times (Reuters) · 2019-01-23 · 10 passages", putin.Details, StringComparison.Ordinal);
        Assert.NotNull(putin.Url);
        Assert.Contains(quoted, c => c.StartsWith(putin.Title, StringComparison.Ordinal));
        Assert.Contains("2 feedback votes (1 helpful, 1 not)", putin.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Source_shows_one_document()
    {
        using var bot = new TestBot();

        var reply = await bot.RunAsync("source", "putin-deal-needs-public-support");

        Assert.StartsWith("Putin Says", reply.Title, StringComparison.Ordinal);
        Assert.Contains("Published: 2019-01-23", reply.Paragraphs);
        Assert.Contains("Indexed: 10 passages", reply.Paragraphs);
        Assert.Single(reply.Excerpts);
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-such-document")]
    public async Task Source_without_a_known_id_lists_the_ids(string id)
    {
        using var bot = new TestBot();

        var reply = await bot.RunAsync("source", id);

        Assert.Contains(reply.Paragraphs, p => p.Contains("kuril-collected-excerpts, putin-deal-needs-public-support", StringComparison.Ordinal));
    }
}
