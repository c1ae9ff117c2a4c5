using Kuril.Bot.Replies;

namespace Kuril.Bot.Tests.Replies;

public sealed class ConsoleReplyRendererTests
{
    [Fact]
    public void Excerpts_are_numbered_quoted_and_cited_and_buttons_offered_as_numbers()
    {
        var text = ConsoleReplyRenderer.Render(SampleReplies.Long());

        Assert.Contains("[1] Japan: \"#1 ", text, StringComparison.Ordinal);
        Assert.Contains("    — Kuril collected excerpts, passage 12 of 145", text, StringComparison.Ordinal);
        Assert.Contains("Sources:", text, StringComparison.Ordinal);
        Assert.Contains("https://example.org/kuril", text, StringComparison.Ordinal);
        Assert.Contains("#1 More · #2 Context [1] · #3 Helpful · #4 Not helpful", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_is_shown_as_written()
    {
        Assert.Contains(SampleReplies.Hostile, ConsoleReplyRenderer.Render(SampleReplies.Injection()), StringComparison.Ordinal);
    }
}
