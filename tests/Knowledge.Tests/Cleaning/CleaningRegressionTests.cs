using System.Text.RegularExpressions;
using Kuril.Knowledge.Cleaning;
using Kuril.Knowledge.Corpus;
using Kuril.Knowledge.Tests.Support;

namespace Kuril.Knowledge.Tests.Cleaning;

/// <summary>Cleaning defects found once in the shipped corpus, kept fixed.</summary>
public sealed class CleaningRegressionTests
{
    private static IEnumerable<string> Texts => ShippedPassages.Passages.Select(p => p.Text);

    private static readonly Lazy<WordRepairer> Shipped = new(() =>
    {
        var resources = KnowledgeResources.Load(RepoPaths.Corpus);
        return new WordRepairer(resources.Words, resources.Rules.Contractions, CorpusReader.Read(RepoPaths.Corpus).Documents.Select(d => d.Body));
    });

    [Fact]
    public void Repairs_minesweeperKT152_in_the_corpus() =>
        Assert.Contains(Texts, t => t.Contains("minesweeper KT-152", StringComparison.Ordinal));

    [Fact]
    public void Repairs_minesweeperKT152_unit() =>
        Assert.Equal("sank the minesweeper KT-152.", Shipped.Value.Repair("sank the minesweeperKT-152."));

    [Theory]
    [InlineData("Putin reconfirmed that")]
    [InlineData("one square metre of")]
    public void Leaves_real_words_whole(string text) =>
        Assert.Equal(text, Shipped.Value.Repair(text));

    [Theory]
    [InlineData("re confirmed")]
    [InlineData("met re")]
    public void No_passage_has_a_wrongly_split_word(string bad) =>
        Assert.DoesNotContain(Texts, t => t.Contains(bad, StringComparison.Ordinal));

    [Fact]
    public void Repairs_Japans_then_prime_minister() =>
        Assert.Equal("Japan's then prime minister", Shipped.Value.Repair("Japans then prime minister"));

    [Theory]
    [InlineData("CIA chief says")]
    [InlineData("Quad blues")]
    [InlineData("atrocity crimes")]
    public void Headline_debris_is_never_in_a_passage(string debris) =>
        Assert.DoesNotContain(Texts, t => t.Contains(debris, StringComparison.Ordinal));

    [Fact]
    public void Each_compilation_passage_is_one_sentence()
    {
        foreach (var p in ShippedPassages.Passages.Where(p => p.DocumentId == "kuril-collected-excerpts"))
        {
            Assert.True(Regex.Count(p.Text, @"[.!?][""')]*,?\s+[A-Z]") <= CountAbbrev(p.Text), p.Text);
        }
    }

    private static int CountAbbrev(string t) => Regex.Count(t, @"\b(U\.S|Gen|Aug|Sept|Gov|Mt)\.\s+[A-Z]");
}
