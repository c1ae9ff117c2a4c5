// Follow-ups: a question asked right after another, whose terms join it at a lower weight. The first pairs are the
// ones the weights were chosen on; the held-out pairs were written before those weights were last changed and not
// tuned on.
using Kuril.Knowledge.Tests.Support;

namespace Kuril.Knowledge.Tests.Answers;

public sealed class FollowUpTests(ShippedCorpusFixture corpus)
{
    [Theory]
    // Tuned on.
    [InlineData("Tell me about Takeda's tanks", "How did he die?", "Takeda")]
    [InlineData("Tell me about Takeda's tanks", "What happened to him?", "Takeda")]
    [InlineData("Tell me about the Ainu", "Where were they moved?", "Ainu")]
    [InlineData("Who is Shinzo Abe?", "When did he visit Russia?", "Abe")]
    [InlineData("Tell me about Gorbachev", "When did he visit Japan?", "Gorbachev")]
    [InlineData("Tell me about Medvedev", "When did he visit the islands?", "Medvedev")]
    [InlineData("Tell me about Nemuro", "What do the signs there say?", "Nemuro")]
    [InlineData("What was Project Hula?", "How many ships were involved?", "149 ships")]
    [InlineData("What is the Japan-Soviet Joint Declaration of 1956?", "Which islands would be handed over?", "Declaration")]
    [InlineData("Who was General Fusaki?", "What did he decide?", "Fusaki")]
    [InlineData("What is the Treaty of Shimoda?", "Where did it draw the border?", "1855")]
    // Held out.
    [InlineData("What was the Cairo Declaration?", "When was it made?", "Cairo")]
    [InlineData("Who is Yoshiro Mori?", "Where did he meet Putin?", "Mori")]
    [InlineData("Tell me about the S-300V4 missile systems", "When were they deployed?", "S-300V4")]
    [InlineData("Tell me about the 1875 treaty", "What did Russia get from it?", "1875")]
    [InlineData("Who is Mikhail Mishustin?", "When did he visit Iturup?", "Mishustin")]
    [InlineData("Tell me about the Landing Craft Infantry", "How many troops could they carry?", "200 troops")]
    public void A_follow_up_that_leans_on_the_earlier_question_is_answered_from_its_subject_and_alone_is_not(string earlier, string followUp, string subject)
    {
        var alone = corpus.Knowledge.Ask(followUp);
        var answer = corpus.Knowledge.AskFollowUp(followUp, earlier);

        Assert.False(answer.Abstained);
        Assert.Contains(subject, answer.Excerpts[0].Text, StringComparison.Ordinal);
        Assert.True(alone.Abstained || !alone.Excerpts[0].Text.Contains(subject, StringComparison.Ordinal), "asked alone, the follow-up has no subject to lean on");
        Assert.Equal(followUp, answer.Question);
    }

    [Theory]
    // Tuned on.
    [InlineData("What happened to the minesweeper KT-152?", "What sank it?", "kamikaze")]
    [InlineData("Tell me about Etorofu", "How big is it?", "Etorofu")]
    [InlineData("Tell me about the former residents", "How many are still alive?", "5,500 former residents")]
    // Held out.
    [InlineData("Tell me about Kaigara Island", "What happened to the fisherman there?", "Kaigara")]
    public void A_follow_up_the_sources_answer_alone_keeps_its_answer(string earlier, string followUp, string subject)
    {
        var answer = corpus.Knowledge.AskFollowUp(followUp, earlier);

        Assert.False(answer.Abstained);
        Assert.Contains(subject, answer.Excerpts[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    // Tuned on.
    [InlineData("Tell me about Etorofu", "What about Shikotan?", "Shikotan")]
    [InlineData("When was the Yalta conference?", "When was the Potsdam Declaration?", "Potsdam")]
    // Held out.
    [InlineData("Tell me about Gorbachev", "When was the Cairo Declaration?", "Cairo")]
    [InlineData("What happened at the Battle of Shumshu?", "How many Japanese died?", "dead")]
    public void A_follow_up_naming_its_own_subject_is_answered_from_it(string earlier, string followUp, string subject)
    {
        var answer = corpus.Knowledge.AskFollowUp(followUp, earlier);

        Assert.False(answer.Abstained);
        Assert.Contains(subject, answer.Excerpts[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Tell me about Takeda's tanks", "What is the capital of Australia?")]
    [InlineData("Who is Shinzo Abe?", "What is his favourite football team?")]
    public void A_follow_up_about_what_the_sources_never_mention_is_still_abstained_on(string earlier, string followUp) =>
        Assert.True(corpus.Knowledge.AskFollowUp(followUp, earlier).Abstained);

    [Fact]
    public void A_follow_up_after_nothing_answerable_is_answered_as_a_plain_question()
    {
        var plain = corpus.Knowledge.Ask("How did he die?");
        var followUp = corpus.Knowledge.AskFollowUp("How did he die?", "What is the capital of Australia?");

        Assert.Equal(plain.Excerpts.Select(e => e.Text), followUp.Excerpts.Select(e => e.Text));
    }

    [Fact]
    public void A_follow_up_pages_like_a_question()
    {
        var first = corpus.Knowledge.AskFollowUp("How did he die?", "Tell me about Takeda's tanks", 2);
        var second = corpus.Knowledge.AskFollowUp("How did he die?", "Tell me about Takeda's tanks", 2, 2);

        Assert.Equal(3, second.Excerpts[0].Rank);
        Assert.DoesNotContain(second.Excerpts[0].Text, first.Excerpts.Select(e => e.Text));
    }
}
