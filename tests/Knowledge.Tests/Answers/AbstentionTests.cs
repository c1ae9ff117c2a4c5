using Kuril.Knowledge.Tests.Support;

namespace Kuril.Knowledge.Tests.Answers;

/// <summary>Questions the corpus does not cover get no excerpt at all, never a random one.</summary>
public sealed class AbstentionTests(ShippedCorpusFixture corpus)
{
    [Theory]
    [InlineData("What is the capital of Australia?")]
    [InlineData("How do I bake sourdough bread?")]
    [InlineData("Who won the 2018 World Cup?")]
    [InlineData("What is the boiling point of water?")]
    [InlineData("How do I reset my router password?")]
    [InlineData("Recommend a good pasta recipe with tomatoes")]
    [InlineData("What is the speed of light in a vacuum?")]
    public void Abstains_when_question_is_unrelated(string question)
    {
        var answer = corpus.Knowledge.Ask(question);

        Assert.True(answer.Abstained);
        Assert.Empty(answer.Excerpts);
        Assert.Equal(question, answer.Question);
    }

    [Theory]
    [InlineData("How many Afghan civilians were killed since the Taliban retook power?")]
    [InlineData("How much did China fine Didi for breaking data-security laws?")]
    [InlineData("Who did India elect as president?")]
    [InlineData("What is the basket of deplorables?")]
    [InlineData("Who is Sebastien Roblin?")]
    public void Abstains_when_only_page_debris_mentions_the_topic(string question)
    {
        var answer = corpus.Knowledge.Ask(question);

        Assert.True(answer.Abstained);
        Assert.Empty(answer.Excerpts);
    }

    [Theory]
    [InlineData("How many Japanese civilians were deported from the Kurils?")]
    [InlineData("What did the 1956 Joint Declaration say about Habomai and Shikotan?")]
    [InlineData("How many Soviet dead and wounded were there in the Battle of Shumshu?")]
    [InlineData("Why are the islands of strategic interest to Russia?")]
    [InlineData("What did Putin say a deal with Japan needs?")]
    [InlineData("What rare metal was found near the Kudriavy volcano?")]
    [InlineData("When did Soviet forces occupy the Four Northern Islands?")]
    public void Answers_when_the_corpus_covers_the_question(string question)
    {
        var answer = corpus.Knowledge.Ask(question);

        Assert.False(answer.Abstained);
        Assert.NotEmpty(answer.Excerpts);
    }
}
