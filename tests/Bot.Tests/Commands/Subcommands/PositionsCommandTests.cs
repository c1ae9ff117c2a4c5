using Kuril.Knowledge.Positions;

namespace Kuril.Bot.Tests.Commands.Subcommands;

public sealed class PositionsCommandTests
{
    [Fact]
    public async Task Both_sides_are_shown_side_by_side_each_point_a_cited_passage_stating_that_side()
    {
        using var bot = new TestBot();
        var rules = PositionRules.Load(RepoPaths.Corpus);

        var reply = await bot.RunAsync("positions");

        Assert.Contains(reply.Excerpts, e => e.Label == "Japan");
        Assert.Contains(reply.Excerpts, e => e.Label == "Russia");
        Assert.Equal("Japan", reply.Excerpts[0].Label);
        Assert.Equal("Russia", reply.Excerpts[1].Label);
        Assert.All(reply.Excerpts, e => Assert.Equal(e.Label, rules.Classify(e.Text)?.Name));
        Assert.All(reply.Excerpts, e => Assert.Contains("passage", e.Citation, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_topic_narrows_the_passages()
    {
        using var bot = new TestBot();

        var reply = await bot.RunAsync("positions", "Yalta");

        Assert.Contains(reply.Excerpts, e => e.Label == "Russia" && e.Text.Contains("Yalta", StringComparison.Ordinal));
        Assert.All(reply.Excerpts, e => Assert.NotNull(e.Label));
    }

    [Fact]
    public async Task A_topic_the_sources_do_not_cover_gets_an_abstention()
    {
        using var bot = new TestBot();

        var reply = await bot.RunAsync("positions", "capital of Australia");

        Assert.Empty(reply.Excerpts);
    }
}
