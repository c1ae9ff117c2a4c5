using Kuril.Knowledge.Tests.Support;
using Kuril.Knowledge.Text;

namespace Kuril.Knowledge.Tests.Answers;

/// <summary>Repeated words and invalid UTF-16 once made a question throw.</summary>
public sealed class RepeatedAndInvalidTextTests(ShippedCorpusFixture corpus)
{
    [Theory]
    [InlineData("Japan Japan")]
    [InlineData("Shumshu Shumshu")]
    [InlineData("island islands")]
    [InlineData("What did Japan and Russia sign, and when did Japan sign it?")]
    [InlineData("NEAR NEAR")]
    public void Answers_a_question_that_repeats_a_word(string question) =>
        Assert.Equal(question, corpus.Knowledge.Ask(question).Question);

    [Fact]
    public void Answers_ten_kilobytes_of_a_repeated_question()
    {
        var question = string.Concat(Enumerable.Repeat("Why did the Soviet Union \"seize\" (the Kuril Islands) AND NOT Japan* NEAR -Shumshu: ^ ", 200))[..10_240];
        Assert.Equal(question, corpus.Knowledge.Ask(question).Question);
    }

    [Theory]
    [InlineData("\uD800")]
    [InlineData("\uDFFF lone surrogate")]
    [InlineData("Kuril \uD83D islands")]
    public void Answers_text_with_a_lone_surrogate(string question) =>
        Assert.Equal(question, corpus.Knowledge.Ask(question).Question);

    [Fact]
    public void Folds_a_lone_surrogate_without_throwing() =>
        Assert.DoesNotContain('\uD800', TextNormalizer.Fold("a\uD800b"));

    [Fact]
    public void Asks_a_lone_surrogate_without_throwing() =>
        Assert.True(corpus.Knowledge.Ask("\uD800").Abstained);
}
