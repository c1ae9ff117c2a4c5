using Kuril.Knowledge.Text;

namespace Kuril.Knowledge.Tests.Text;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("Kuril ISLANDS", "kuril islands")]
    [InlineData("Étorofu café naïve", "etorofu cafe naive")]
    [InlineData("ＵＳＳＲ", "ussr")]
    [InlineData("Кунашир", "кунашир")]
    [InlineData("択捉島", "択捉島")]
    public void Folds_case_width_and_diacritics(string text, string folded) =>
        Assert.Equal(folded, TextNormalizer.Fold(text));

    [Theory]
    [InlineData("17,000 residents", "17000 residents")]
    [InlineData("1,400 wounded", "1400 wounded")]
    [InlineData("1,234,567", "1234567")]
    [InlineData("in 1945, 17 ships", "in 1945, 17 ships")]
    [InlineData("1,23", "1,23")]
    [InlineData("12,3456", "12,3456")]
    public void Joins_digit_groups_only(string text, string folded) =>
        Assert.Equal(folded, TextNormalizer.Fold(text));

    [Fact]
    public void Drops_zero_width_and_bidi_characters_and_spaces_out_control_characters()
    {
        Assert.Equal("shumshu", TextNormalizer.Fold("Shum\u200Bshu\u200D\uFEFF"));
        Assert.Equal("kuril", TextNormalizer.Fold("\u202EKuril\u202C"));
        Assert.Equal("kuril japan", TextNormalizer.Fold("Kuril\u0000Japan"));
    }

    [Fact]
    public void Strips_invisible_characters_but_keeps_line_breaks_tabs_and_visible_text()
    {
        Assert.Equal("Kuril\tIslands\nJapan", TextNormalizer.StripInvisible("Ku\u200Bril\tIslands\u0007\nJapan\u202E"));
        Assert.Equal("Кунашир 択捉島 😀", TextNormalizer.StripInvisible("Кунашир 択捉島 😀"));
    }
}
