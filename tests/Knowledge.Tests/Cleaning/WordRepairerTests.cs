using Kuril.Knowledge.Cleaning;
using Kuril.Knowledge.Corpus;
using Kuril.Knowledge.Tests.Support;

namespace Kuril.Knowledge.Tests.Cleaning;

/// <summary>Merged-word and apostrophe repair, with the shipped word list and the shipped corpus as vocabulary.</summary>
public sealed class WordRepairerTests
{
    private static readonly Lazy<WordRepairer> Shipped = new(() =>
    {
        var resources = KnowledgeResources.Load(RepoPaths.Corpus);
        return new WordRepairer(resources.Words, resources.Rules.Contractions, CorpusReader.Read(RepoPaths.Corpus).Documents.Select(d => d.Body));
    });

    private static WordRepairer Repairer => Shipped.Value;

    [Theory]
    [InlineData("a bloody amphibious landingafterJapan announced it", "a bloody amphibious landing after Japan announced it")]
    [InlineData("Japan and Russia arestilltrying to sign", "Japan and Russia are still trying to sign")]
    [InlineData("Japanese Ki-43Hayabusafighters and bombers", "Japanese Ki-43 Hayabusa fighters and bombers")]
    [InlineData("there arerenewed diplomatic efforts", "there are renewed diplomatic efforts")]
    [InlineData("between Moscow and Tokyoto arrive", "between Moscow and Tokyo to arrive")]
    [InlineData("I press on thesubmachine gunstrigger.", "I press on the submachine guns trigger.")]
    public void Splits_words_that_scraping_ran_together(string scraped, string repaired) =>
        Assert.Equal(repaired, Repairer.Repair(scraped));

    [Theory]
    [InlineData("It doesnt seem close.", "It doesn't seem close.")]
    [InlineData("Doesnt it seem close?", "Doesn't it seem close?")]
    [InlineData("I still cant forget.", "I still can't forget.")]
    [InlineData("an animated childrens film", "an animated children's film")]
    public void Restores_dropped_apostrophes(string scraped, string repaired) =>
        Assert.Equal(repaired, Repairer.Repair(scraped));

    [Theory]
    [InlineData("The Ministry website uses JavaScript.")]
    [InlineData("The Kamchatka Peninsula and the Sea of Okhotsk.")]
    [InlineData("Soviet troops landed on Shumshu in the Kuril Islands.")]
    [InlineData("The S-300V4 and T-72B3 systems.")]
    [InlineData("In the 1855 treaty, the Kurils went to Japan.")]
    [InlineData("The Soviets took the islands.")]
    public void Leaves_correct_text_unchanged(string text) =>
        Assert.Equal(text, Repairer.Repair(text));

    [Fact]
    public void Does_not_split_a_run_longer_than_any_merged_words()
    {
        var run = string.Concat(Enumerable.Repeat("islands", 10));

        Assert.Null(Repairer.Segment(run));
        Assert.Equal(run, Repairer.Repair(run));
    }

    [Fact]
    public void Leaves_a_run_that_is_not_made_of_known_words()
    {
        Assert.Null(Repairer.Segment("qzxvbnmtrw"));
        Assert.Equal("Qzxvbnmtrw stays.", Repairer.Repair("Qzxvbnmtrw stays."));
    }

    [Fact]
    public void Learns_vocabulary_from_the_corpus_text()
    {
        var resources = KnowledgeResources.Load(RepoPaths.Corpus);
        var without = new WordRepairer(resources.Words, resources.Rules.Contractions, ["Nothing relevant here."]);
        var with = new WordRepairer(resources.Words, resources.Rules.Contractions, ["Uruppu lies north. Uruppu was Japanese.", "The strait near Uruppu."]);

        Assert.Equal("nearUruppu", without.Repair("nearUruppu"));
        Assert.Equal("near Uruppu", with.Repair("nearUruppu"));
    }
}
