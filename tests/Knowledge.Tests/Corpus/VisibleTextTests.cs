using Kuril.Knowledge.Corpus;
using Kuril.Knowledge.Tests.Support;

namespace Kuril.Knowledge.Tests.Corpus;

/// <summary>The one sanitizer for text entering the bot: invisible formatting and controls go, what scripts need stays.</summary>
public sealed class VisibleTextTests
{
    [Theory]
    [InlineData("Who owns \u202EpurutI?", "Who owns purutI?")]
    [InlineData("Iturup\u200B is \u2066big\u2069\uFEFF", "Iturup is big")]
    [InlineData("\u001B[31mred\u001B[0m and \u001B]0;title\u0007plain", "red and plain")]
    [InlineData("bell\u0007 null\0 del\u007F c1\u0085", "bell null del c1")]
    [InlineData("\u200DIturup\u200C", "Iturup")]
    [InlineData("Kunashir\u200D island", "Kunashir island")]
    public void Strips_overrides_zero_width_escapes_and_controls(string text, string expected) =>
        Assert.Equal(expected, VisibleText.Clean(text));

    [Theory]
    [InlineData("line one\nline two\r\n\tindented")]
    [InlineData("می\u200Cخواهم")] // Persian: ZWNJ inside a word
    [InlineData("क्\u200Dष")] // Devanagari: ZWJ between letters
    [InlineData("👨\u200D👩\u200D👧")] // an emoji ZWJ sequence
    [InlineData("択捉島 Итуруп Etorofu")]
    public void Keeps_text_and_the_joiners_scripts_need(string text) =>
        Assert.Equal(text, VisibleText.Clean(text));

    [Fact]
    public void A_document_is_read_without_the_invisible_characters_in_its_title_and_text()
    {
        using var corpus = new TempCorpus(withShippedDocuments: false, withResources: false);
        corpus.WriteDocument("spoof.md", "---\ntitle: \"Iturup \u202Eelttit\u200B\"\n---\nThe Soviet \u001B[2JUnion occupied\u202E Shumshu.\n");

        var document = Assert.Single(CorpusReader.Read(corpus.CorpusPath).Documents);

        Assert.Equal("Iturup elttit", document.Title);
        Assert.Equal("The Soviet Union occupied Shumshu.", document.Body.Trim());
    }
}
