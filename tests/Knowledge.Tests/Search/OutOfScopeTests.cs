using System.Text.RegularExpressions;
using Kuril.Knowledge.Tests.Support;

namespace Kuril.Knowledge.Tests.Search;

/// <summary>
/// Questions near the topic that the sources cannot answer are refused, not answered with what merely shares a
/// place name: what names something the sources never mention, a year they say nothing of, or how things stand today
/// where they only tell what happened in a past year. Written after the rules, not used to tune them.
/// </summary>
public sealed class OutOfScopeTests(ShippedCorpusFixture corpus)
{
    [Theory]
    [InlineData("What did South Korea say about Liancourt?")]
    [InlineData("What did China say about the Spratlys?")]
    [InlineData("Did Putin discuss Kaliningrad with Abe?")]
    public void Abstains_when_the_question_names_something_the_sources_never_mention(string question) =>
        Assert.True(corpus.Knowledge.Ask(question).Abstained);

    [Theory]
    [InlineData("Who won the 2024 Russian presidential election?")]
    [InlineData("What did Japan and Russia agree in 1983?")]
    public void Abstains_when_no_passage_speaks_of_the_year_named(string question) =>
        Assert.True(corpus.Knowledge.Ask(question).Abstained);

    [Theory]
    [InlineData("What happened in 1956?", "1956")]
    [InlineData("What did the 1956 declaration promise?", "Habomai")]
    public void A_named_year_is_answered_by_what_speaks_of_it(string question, string expected)
    {
        var answer = corpus.Knowledge.Ask(question);

        Assert.False(answer.Abstained);
        Assert.Contains(answer.Excerpts.Take(3), e => e.Text.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Who is Japan's prime minister today?", "Who was Japan's prime minister?")]
    [InlineData("Who is the current president of Russia?", "Who was the president of Russia?")]
    public void Abstains_when_asked_how_things_stand_today_where_the_sources_only_tell_the_past(string today, string past)
    {
        Assert.False(corpus.Knowledge.Ask(past).Abstained);
        Assert.True(corpus.Knowledge.Ask(today).Abstained);
    }

    [Fact]
    public void A_question_about_today_is_not_answered_with_what_happened_in_a_past_year()
    {
        static bool Dated(Kuril.Knowledge.Answers.Excerpt e) => Regex.IsMatch(e.Text, @"\b(1[5-9]|20)\d\d\b");

        var past = corpus.Knowledge.Ask("Where did Soviet settlers live?");
        var today = corpus.Knowledge.Ask("Where do Soviet settlers live today?");

        Assert.Contains(past.Excerpts, Dated);
        Assert.DoesNotContain(today.Excerpts, Dated);
    }

    [Fact]
    public void A_question_about_today_is_answered_by_what_the_sources_state_without_a_date()
    {
        var answer = corpus.Knowledge.Ask("Who administers the four islands today?");

        Assert.False(answer.Abstained);
        Assert.Contains(answer.Excerpts.Take(3), e => e.Text.Contains("Sakhalin Oblast", StringComparison.Ordinal));
    }

    [Fact]
    public void A_misspelled_name_is_corrected_rather_than_taken_for_an_unknown_one() =>
        Assert.False(corpus.Knowledge.Ask("What happened on Shikotann?").Abstained);
}
