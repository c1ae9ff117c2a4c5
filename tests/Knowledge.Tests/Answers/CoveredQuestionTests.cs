// Questions the corpus plainly covers, once abstained on by mistake.
using Kuril.Knowledge.Tests.Support;

namespace Kuril.Knowledge.Tests.Answers;

public sealed class CoveredQuestionTests(ShippedCorpusFixture corpus)
{
    [Theory]
    [InlineData("How many Soviet soldiers died in the Battle of Shumshu?")]      // corpus: "...lost more than 800 dead and 1,400 wounded in the Battle of Shumshu"
    [InlineData("Why are the islands strategically important to Russia?")]       // corpus: "Strategically, the Kurils allow Russia to control access..." / "of strategic interest to Russia"
    [InlineData("Why are the Kuril Islands strategically important to Russia?")]
    [InlineData("When did the Soviet Union take Shumshu?")]                      // Russian/Japanese versions answer; English abstains
    public void Answers_a_covered_question(string question) =>
        Assert.False(corpus.Knowledge.Ask(question).Abstained);
}
