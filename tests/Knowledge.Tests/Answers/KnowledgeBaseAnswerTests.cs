using Kuril.Knowledge.Tests.Support;

namespace Kuril.Knowledge.Tests.Answers;

/// <summary>Answers from the shipped corpus: the best excerpt first, each with its citation.</summary>
public sealed class KnowledgeBaseAnswerTests(ShippedCorpusFixture corpus)
{
    [Fact]
    public void Answers_the_deportation_question_with_the_17000_excerpt_first()
    {
        var answer = corpus.Knowledge.Ask("How many Japanese civilians were deported from the Kurils?");

        Assert.False(answer.Abstained);
        Assert.Contains("17,000 Japanese civilian residents were deported", answer.Excerpts[0].Text, StringComparison.Ordinal);
        Assert.Equal(1, answer.Excerpts[0].Rank);
        Assert.Equal("kuril-collected-excerpts", answer.Excerpts[0].Citation.DocumentId);
    }

    [Theory]
    [InlineData("What did Putin say a deal with Japan needs?", "public backing")]
    [InlineData("What rare metal was found near the Kudriavy volcano?", "rhenium")]
    [InlineData("How many Soviet dead and wounded were there in the Battle of Shumshu?", "800 dead")]
    [InlineData("What does the 1956 declaration say about Habomai and Shikotan?", "Habomai")]
    public void Puts_the_passage_that_answers_in_the_top_three(string question, string expected)
    {
        var answer = corpus.Knowledge.Ask(question);

        Assert.Contains(answer.Excerpts, e => e.Text.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Ranks_excerpts_best_first_and_cites_each()
    {
        var answer = corpus.Knowledge.Ask("What natural resources do the islands have?");

        Assert.Equal(3, answer.Excerpts.Count);
        Assert.Equal([1, 2, 3], answer.Excerpts.Select(e => e.Rank));
        Assert.True(answer.Excerpts.Zip(answer.Excerpts.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        foreach (var excerpt in answer.Excerpts)
        {
            var document = corpus.Knowledge.FindDocument(excerpt.Citation.DocumentId);
            Assert.NotNull(document);
            Assert.Equal(document.Title, excerpt.Citation.Title);
            Assert.Equal(document.PassageCount, excerpt.Citation.PassageCount);
            Assert.InRange(excerpt.Citation.PassageOrdinal, 0, document.PassageCount - 1);
            var context = corpus.Knowledge.GetContext(excerpt.Citation.DocumentId, excerpt.Citation.PassageOrdinal);
            Assert.NotNull(context);
            Assert.Contains(context.Passages, p => p.Text == excerpt.Text && p.SourceLine == excerpt.Citation.SourceLine);
        }
    }

    [Fact]
    public void Cites_the_news_article_with_its_publisher_date_and_url()
    {
        var answer = corpus.Knowledge.Ask("What did Putin say a deal with Japan needs?");

        var citation = answer.Excerpts.First(e => e.Citation.DocumentId == "putin-deal-needs-public-support").Citation;
        Assert.Equal("Putin Says Any Deal to End Land Row With Japan Needs Public Support", citation.Title);
        Assert.Equal("The Moscow Times (Reuters)", citation.Publisher);
        Assert.Equal(new DateOnly(2019, 1, 23), citation.Published);
        Assert.Equal("www.themoscowtimes.com", citation.Url?.Host);
    }

    [Fact]
    public void Pages_through_the_excerpts_with_an_offset()
    {
        var first = corpus.Knowledge.Ask("Kuril Islands", count: 2);
        var second = corpus.Knowledge.Ask("Kuril Islands", count: 2, offset: 2);

        Assert.Equal([1, 2], first.Excerpts.Select(e => e.Rank));
        Assert.Equal([3, 4], second.Excerpts.Select(e => e.Rank));
        Assert.True(first.HasMore);
        Assert.Empty(first.Excerpts.Select(e => e.Text).Intersect(second.Excerpts.Select(e => e.Text)));
    }

    [Fact]
    public void Lists_the_shipped_documents()
    {
        Assert.Contains("kuril-collected-excerpts", corpus.Knowledge.Documents.Select(d => d.Id));
        Assert.Contains("putin-deal-needs-public-support", corpus.Knowledge.Documents.Select(d => d.Id));
        Assert.Equal(corpus.Knowledge.Documents.Select(d => d.Id).Order(StringComparer.Ordinal), corpus.Knowledge.Documents.Select(d => d.Id));
        Assert.All(corpus.Knowledge.Documents, d => Assert.True(d.PassageCount > 0));
    }
}
