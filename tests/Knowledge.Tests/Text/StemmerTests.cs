using Kuril.Knowledge.Text;

namespace Kuril.Knowledge.Tests.Text;

public sealed class StemmerTests
{
    [Theory]
    [InlineData("deported", "deport")]
    [InlineData("islands", "island")]
    [InlineData("negotiations", "negoti")]
    [InlineData("relational", "relat")]
    [InlineData("generalization", "gener")]
    public void Gives_Porter_stems_of_English_words(string word, string stem) => Assert.Equal(stem, Stemmer.English(word));

    [Fact]
    public void Russian_inflected_forms_meet_on_one_stem()
    {
        Assert.Equal(Stemmer.Russian("курильские"), Stemmer.Russian("курильских"));
        Assert.Equal(Stemmer.Russian("острова"), Stemmer.Russian("островах"));
        Assert.Equal(Stemmer.Russian("договор"), Stemmer.Russian("договоре"));
    }

    [Fact]
    public void Russian_stop_words_have_no_stem() => Assert.Equal(string.Empty, Stemmer.Russian("что"));

    [Fact]
    public void Splits_Japanese_runs_into_overlapping_pairs() =>
        Assert.Equal(["択捉", "捉島", "島に"], Stemmer.CjkBigrams("択捉島に"));
}
