using Kuril.Knowledge.Text;

namespace Kuril.Knowledge.Tests.Text;

public sealed class TokenizerTests
{
    private static List<(string, TokenScript)> Tokens(string text) =>
        Tokenizer.Tokenize(TextNormalizer.Fold(text)).Select(t => (t.Value, t.Script)).ToList();

    [Fact]
    public void Splits_words_on_spaces_and_punctuation_with_their_script()
    {
        Assert.Equal(
            [("kuril", TokenScript.Latin), ("islands", TokenScript.Latin), ("итуруп", TokenScript.Cyrillic), ("1945", TokenScript.Number)],
            Tokens("Kuril-Islands, Итуруп (1945)."));
    }

    [Fact]
    public void Keeps_a_run_of_Japanese_text_as_one_token()
    {
        Assert.Equal([("択捉島について教えて", TokenScript.Cjk)], Tokens("択捉島について教えて"));
        Assert.Equal([("ソ連", TokenScript.Cjk), ("ussr", TokenScript.Latin)], Tokens("ソ連 USSR"));
    }

    [Fact]
    public void Keeps_the_long_vowel_mark_and_iteration_mark_inside_Japanese_words()
    {
        Assert.Equal([("オホーツク海", TokenScript.Cjk)], Tokens("オホーツク海"));
        Assert.Equal([("人々", TokenScript.Cjk)], Tokens("人々"));
    }

    [Fact]
    public void Reads_digit_groups_as_one_number()
    {
        Assert.Equal([("17000", TokenScript.Number), ("japanese", TokenScript.Latin)], Tokens("17,000 Japanese"));
        Assert.Equal(Tokenizer.Terms("17000"), Tokenizer.Terms("17,000"));
    }

    [Fact]
    public void Keeps_letters_and_digits_of_a_model_name_together()
    {
        Assert.Equal([("ki", TokenScript.Latin), ("43", TokenScript.Number)], Tokens("Ki-43"));
        Assert.Equal([("s", TokenScript.Latin), ("300v4", TokenScript.Latin)], Tokens("S-300V4"));
    }

    [Fact]
    public void Never_makes_words_of_emoji_or_symbols()
    {
        Assert.Empty(Tokens("😀🇯🇵🏝️ ★ → © *"));
        Assert.Equal([("kuril", TokenScript.Latin), ("islands", TokenScript.Latin)], Tokens("🏝️Kuril😀islands🏝️"));
    }

    [Fact]
    public void Reports_offsets_into_the_folded_text()
    {
        var folded = TextNormalizer.Fold("The  Kuril islands");
        var tokens = Tokenizer.Tokenize(folded);

        Assert.All(tokens, t => Assert.Equal(t.Value, folded[t.Start..t.End]));
    }

    [Fact]
    public void Stems_English_and_Russian_words_and_keeps_Japanese_runs_whole()
    {
        var terms = Tokenizer.Terms("Deported Islands Курильских 択捉島");

        Assert.Equal(["deport", "island", Stemmer.Russian("курильские"), "択捉島"], terms);
        Assert.NotEqual("курильских", terms[2]);
    }

    [Fact]
    public void Gives_no_tokens_for_empty_or_blank_text()
    {
        Assert.Empty(Tokens(""));
        Assert.Empty(Tokens(" \t\n\u3000\u200B"));
    }
}
