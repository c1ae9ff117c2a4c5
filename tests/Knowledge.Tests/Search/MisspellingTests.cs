using Kuril.Knowledge.Tests.Support;

namespace Kuril.Knowledge.Tests.Search;

/// <summary>
/// A misspelled word the index lacks is searched as the name or word it stands for, and the answer says so. The
/// questions here were written after the speller, from the report, not used to tune it.
/// </summary>
public sealed class MisspellingTests(ShippedCorpusFixture corpus)
{
    [Theory]
    [InlineData("Tell me about Kunasiri", "kunashiri", "Kunashir")]
    [InlineData("What was found on Etorofou?", "etorofu", "rhenium")]
    [InlineData("Who lives on Kunashri?", "kunashiri", "Kunashir")]
    [InlineData("Battle of Shumshoo", "shumshu", "Shumshu")]
    [InlineData("What did the Yalta agreemnt say?", "agreement", "Yalta agreement")]
    public void Misspelled_names_and_words_find_their_passages_and_say_what_was_searched(string question, string corrected, string expected)
    {
        var answer = corpus.Knowledge.Ask(question);

        Assert.False(answer.Abstained);
        Assert.Contains(answer.Corrections, c => c.Corrected == corrected);
        Assert.Contains(answer.Excerpts.Take(3), e => e.Text.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("How do I reset my iPhone password?")]
    [InlineData("Who won the 2018 FIFA World Cup?")]
    [InlineData("What is the boiling point of water?")]
    public void Correct_English_words_are_never_corrected_into_the_corpus(string question)
    {
        var answer = corpus.Knowledge.Ask(question);

        Assert.True(answer.Abstained);
        Assert.Empty(answer.Corrections);
    }

    [Theory]
    [InlineData("Tell me about Urp")] // a word of four letters or fewer
    [InlineData("What happened in 1946?")] // a number
    [InlineData("What happened on Shikotan?")] // spelled right
    public void Short_words_numbers_and_known_words_are_searched_as_written(string question) =>
        Assert.Empty(corpus.Knowledge.Ask(question).Corrections);

    [Fact]
    public void An_exact_word_ranks_as_high_as_its_misspelling_and_needs_no_correction()
    {
        var exact = corpus.Knowledge.Ask("Who lives on Kunashiri?");
        var misspelled = corpus.Knowledge.Ask("Who lives on Kunashri?");

        Assert.Empty(exact.Corrections);
        Assert.Equal(exact.Excerpts.Select(e => e.Text), misspelled.Excerpts.Select(e => e.Text));
    }
}
