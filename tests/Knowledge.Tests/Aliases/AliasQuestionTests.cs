using Kuril.Knowledge.Tests.Support;

namespace Kuril.Knowledge.Tests.Aliases;

/// <summary>Questions naming a place in English, Japanese or Russian find the corpus's own spelling.</summary>
public sealed class AliasQuestionTests(ShippedCorpusFixture corpus)
{
    [Theory]
    [InlineData("Etorofu", "Etorofu|Iturup")]
    [InlineData("Iturup", "Etorofu|Iturup")]
    [InlineData("択捉島", "Etorofu|Iturup")]
    [InlineData("Итуруп", "Etorofu|Iturup")]
    [InlineData("択捉島について教えて", "Etorofu|Iturup")]
    [InlineData("Kunashiri", "Kunashiri|Kunashir")]
    [InlineData("Kunashir", "Kunashiri|Kunashir")]
    [InlineData("国後島", "Kunashiri|Kunashir")]
    [InlineData("Кунашир", "Kunashiri|Kunashir")]
    [InlineData("Shikotan", "Shikotan")]
    [InlineData("色丹島", "Shikotan")]
    [InlineData("Шикотан", "Shikotan")]
    [InlineData("Habomai", "Habomai|Khabomai")]
    [InlineData("Khabomai", "Habomai|Khabomai")]
    [InlineData("歯舞群島", "Habomai|Khabomai")]
    [InlineData("Хабомаи", "Habomai|Khabomai")]
    [InlineData("Kuril", "Kuril|Chishima")]
    [InlineData("Kurile", "Kuril|Chishima")]
    [InlineData("Chishima", "Kuril|Chishima")]
    [InlineData("千島列島", "Kuril|Chishima")]
    [InlineData("Курильские острова", "Kuril|Chishima")]
    [InlineData("Northern Territories", "Northern Territories|Four Northern Islands|southern Kuril")]
    [InlineData("北方領土", "Northern Territories|Four Northern Islands|southern Kuril")]
    [InlineData("Южные Курилы", "Northern Territories|Four Northern Islands|southern Kuril")]
    [InlineData("Shumshu", "Shumshu")]
    [InlineData("Shimushu", "Shumshu")]
    [InlineData("占守島", "Shumshu")]
    [InlineData("Шумшу", "Shumshu")]
    [InlineData("Sakhalin", "Sakhalin")]
    [InlineData("樺太", "Sakhalin")]
    [InlineData("Сахалин", "Sakhalin")]
    [InlineData("Soviet Union", "Soviet|USSR")]
    [InlineData("USSR", "Soviet|USSR")]
    [InlineData("СССР", "Soviet|USSR")]
    [InlineData("Kudryavy", "Kudriavy")]
    [InlineData("Kudriavy", "Kudriavy")]
    public void Answers_a_name_in_any_script_with_the_corpus_spelling(string question, string corpusSpellings)
    {
        var answer = corpus.Knowledge.Ask(question);

        Assert.False(answer.Abstained);
        Assert.NotEmpty(answer.Excerpts);
        var spellings = corpusSpellings.Split('|');
        Assert.Contains(answer.Excerpts, e => spellings.Any(s => e.Text.Contains(s, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("Tell me about Etorofu", "Расскажите про Итуруп")]
    [InlineData("When Soviet Union Shumshu?", "Когда СССР захватил Шумшу?")] // "when" in any language asks for a date
    [InlineData("When Soviet Union Shumshu?", "ソ連はいつ占守島を占領したのか")]
    [InlineData("Habomai and Shikotan", "歯舞群島と色丹島")]
    public void Ranks_the_same_passage_first_whichever_script_names_the_place(string english, string other)
    {
        var expected = corpus.Knowledge.Ask(english);
        var actual = corpus.Knowledge.Ask(other);

        Assert.False(actual.Abstained);
        Assert.Equal(expected.Excerpts[0].Text, actual.Excerpts[0].Text);
    }

    [Fact]
    public void Finds_a_Japanese_name_inside_a_run_of_text_without_spaces()
    {
        var answer = corpus.Knowledge.Ask("国後島と択捉島はどこですか");

        Assert.False(answer.Abstained);
        Assert.Contains(answer.Excerpts, e => e.Text.Contains("Kunashir", StringComparison.Ordinal) && e.Text.Contains("Etorofu", StringComparison.Ordinal));
    }
}
