using Kuril.Bot.Terminal;
using Kuril.Knowledge.Answers;

namespace Kuril.Bot.Tests.Terminal;

public sealed class PlainTextAnswerRendererTests
{
    [Fact]
    public void Abstention_points_to_the_sources_command()
    {
        var text = PlainTextAnswerRenderer.Render(new Answer("What is the capital of Australia?", true, [], 0));

        Assert.Contains("do not cover", text, StringComparison.Ordinal);
        Assert.Contains("/kuril sources", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Excerpts_are_numbered_and_cited()
    {
        var citation = new Citation("putin", "Putin Says Any Deal Needs Public Support", "The Moscow Times", new DateOnly(2019, 1, 23), new Uri("https://example.org/a"), 4, 12, 20);
        var answer = new Answer("q", false, [new Excerpt(1, "Any deal needs public backing.", citation, 3.2)], 2);

        var text = PlainTextAnswerRenderer.Render(answer);

        Assert.Contains("[1] \"Any deal needs public backing.\"", text, StringComparison.Ordinal);
        Assert.Contains("The Moscow Times, 2019-01-23, passage 5 of 12", text, StringComparison.Ordinal);
        Assert.Contains("https://example.org/a", text, StringComparison.Ordinal);
        Assert.Contains("1 more excerpts", text, StringComparison.Ordinal);
    }
}
