using System.Text.RegularExpressions;
using Kuril.Knowledge.Corpus;
using Kuril.Knowledge.Tests.Support;

namespace Kuril.Knowledge.Tests.Cleaning;

/// <summary>Cleaning of the repository's own corpus: the scraped compilation's merged words, apostrophes and debris.</summary>
public sealed partial class ShippedCorpusCleaningTests
{
    private static IEnumerable<string> Texts => ShippedPassages.Passages.Select(p => p.Text);

    [Theory]
    [InlineData("landingafterJapan", "landing after Japan")]
    [InlineData("arestilltrying", "are still trying")]
    [InlineData("Ki-43Hayabusafighters", "Hayabusa fighters")]
    [InlineData("doesnt", "doesn't")]
    public void Repairs_scraped_words_in_the_compilation(string scraped, string repaired)
    {
        Assert.Contains(Texts, t => t.Contains(repaired, StringComparison.Ordinal));
        Assert.DoesNotContain(Texts, t => t.Contains(scraped, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Are you on Telegram")]
    [InlineData("uses JavaScript")]
    [InlineData("JavaScript")]
    [InlineData("China fines Didi")]
    [InlineData("basket of deplorables")]
    [InlineData("India elects tribal woman")]
    [InlineData("Corporate Number")]
    [InlineData("Essential reporting and analysis")]
    [InlineData("Afghan civilians")]
    [InlineData("Taliban")]
    [InlineData("golden billion")]
    [InlineData("cyclones, droughts")]
    [InlineData("Published daily by the")]
    [InlineData("published daily")]
    [InlineData("Sebastien Roblin.")]
    [InlineData("Copyright")]
    [InlineData("originally appeared at")]
    [InlineData("Related article:")]
    [InlineData("By Reuters")]
    public void Keeps_page_debris_out_of_every_passage(string debris) =>
        Assert.DoesNotContain(Texts, t => t.Contains(debris, StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void Page_debris_was_in_the_source_so_the_debris_tests_mean_something()
    {
        var source = string.Concat(CorpusReader.Read(RepoPaths.Corpus).Documents.Select(d => d.Body));

        foreach (var debris in new[] { "Are you on Telegram", "China fines Didi", "golden billion", "Published daily by the", "Sebastien Roblin.", "Copyright", "Corporate Number" })
        {
            Assert.Contains(debris, source, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Keeps_the_real_sentence_that_debris_was_glued_to()
    {
        var passage = Assert.Single(Texts, t => t.Contains("five of the crucial LCIs", StringComparison.Ordinal));

        Assert.StartsWith("By 9:00 a.m., five of the crucial LCIs had been sunk", passage, StringComparison.Ordinal);
        Assert.DoesNotContain("published daily", passage, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Keeps_the_sentence_after_a_copyright_line()
    {
        var passage = Assert.Single(Texts, t => t.Contains("Giving up the islands is considered a betrayal", StringComparison.Ordinal));

        Assert.StartsWith("Giving up the islands", passage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("At the summit meeting in Yamaguchi held during President Putin's visit to Japan")]
    [InlineData("would be interpreted as a clear sign of Russian weakness")]
    public void Quotes_a_sentence_the_compilation_repeats_only_once(string repeated)
    {
        var source = string.Concat(CorpusReader.Read(RepoPaths.Corpus).Documents.Select(d => d.Body));
        Assert.True(Regex.Count(source, Regex.Escape(repeated)) >= 2, "the corpus repeats the sentence");

        Assert.Single(Texts, t => t.Contains(repeated, StringComparison.Ordinal));
    }

    [Fact]
    public void Passages_are_one_to_three_sentences()
    {
        foreach (var passage in ShippedPassages.Passages)
        {
            var sentences = SentenceEnd().Count(passage.Text);
            Assert.InRange(sentences, 1, 3);
            Assert.False(string.IsNullOrWhiteSpace(passage.Text));
        }
    }

    [Fact]
    public void Passages_of_a_news_article_join_short_neighbours_only_within_a_paragraph()
    {
        var article = ShippedPassages.Passages.Where(p => p.DocumentId == "putin-deal-needs-public-support").ToList();

        Assert.NotEmpty(article);
        Assert.Contains(article, p => p.Text == "Russia and Japan have still not formally ended World War II hostilities because of the dispute.");
        Assert.Equal(Enumerable.Range(0, article.Count), article.Select(p => p.Ordinal));
    }

    [Fact]
    public void Passage_ordinals_count_up_from_zero_in_each_document()
    {
        foreach (var document in ShippedPassages.Passages.GroupBy(p => p.DocumentId))
        {
            Assert.Equal(Enumerable.Range(0, document.Count()), document.Select(p => p.Ordinal));
        }
    }

    // A sentence ends in . ! or ? (optionally closed by quotes) followed by a space and a capital or the end;
    // abbreviations such as "a.m.," and "U.S." are followed by neither.
    [GeneratedRegex(@"[.!?][""'”’)]*(?=\s+[""“]?[A-Z]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();
}
