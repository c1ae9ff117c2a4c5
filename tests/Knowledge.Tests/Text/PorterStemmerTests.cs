using Kuril.Knowledge.Text;

namespace Kuril.Knowledge.Tests.Text;

public sealed class PorterStemmerTests
{
    [Theory]
    [InlineData("deported", "deport")]
    [InlineData("deportation", "deport")]
    [InlineData("islands", "island")]
    [InlineData("islander", "island")]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("hopping", "hop")]
    [InlineData("relational", "relat")]
    [InlineData("generalization", "gener")]
    [InlineData("is", "is")]
    public void Stems_inflected_forms_to_one_term(string word, string stem) =>
        Assert.Equal(stem, PorterStemmer.Stem(word));
}
