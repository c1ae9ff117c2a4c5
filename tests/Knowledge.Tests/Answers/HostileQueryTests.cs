using Kuril.Knowledge.Answers;
using Kuril.Knowledge.Tests.Support;

namespace Kuril.Knowledge.Tests.Answers;

/// <summary>Any user text is a safe query: FTS5 syntax, huge, invisible, control and right-to-left text never raise.</summary>
public sealed class HostileQueryTests(ShippedCorpusFixture corpus)
{
    public static TheoryData<string> HostileTexts => new()
    {
        "\"",
        "\"\"",
        "\"unbalanced",
        "Shumshu\"",
        "*",
        "Shumshu*",
        "* OR *",
        "-",
        "-Shikotan",
        "--",
        ":",
        "title:Kuril",
        "passages:Shumshu",
        "text : Japan",
        "NEAR",
        "NEAR(Kuril Japan, 2)",
        "Kuril NEAR Japan",
        "AND",
        "OR",
        "NOT",
        "AND OR NOT",
        "Kuril AND",
        "OR Japan",
        "NOT NOT NOT",
        "(",
        ")",
        "((Kuril)",
        "Kuril) OR (Japan",
        "^",
        "^Kuril",
        "Kuril^2",
        "{Kuril Japan}",
        "[Kuril]",
        "'; DROP TABLE passages; --",
        "Robert'); DROP TABLE passages;--",
        "%_%",
        "\\",
        "@#$%&!~`|<>?/",
        "🇯🇵🇷🇺 🏝️ 😀",
        "Kuril 🏝️ islands",
        "Shumshu\u200B\u200C\u200D\uFEFF",
        "\u200B",
        "\u0000",
        "Kuril\u0000Japan",
        "\u202E\u202Dnapaj",
        "\u0001\u0002\u0003\u001B[31m",
        "ما هي جزر الكوريل؟",
        "מה הם איי הקוריליים?",
        "Kuril \u05D0\u05D1 Japan \u0627\u0644",
        "",
        " ",
        "\t\n\r",
        "\u3000\u00A0",
        "...",
        "?",
        "0",
        "17,000",
        "99999999999999999999999999999999",
    };

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public void Answers_any_text_without_throwing(string question) =>
        AssertWellFormed(question, corpus.Knowledge.Ask(question));

    [Fact]
    public void Answers_ten_kilobytes_of_query_syntax_around_a_question_without_throwing()
    {
        // Syntax and stop words repeat; every content word appears once.
        var noise = string.Concat(Enumerable.Repeat("\"*-:()^ AND OR NOT ( \" ) ^ * - : {} [] ' ", 400));
        var question = ("NEAR(How many Japanese civilians were deported from the Kurils? " + noise)[..10_240];

        var answer = corpus.Knowledge.Ask(question);

        AssertWellFormed(question, answer);
    }

    [Fact]
    public void Answers_ten_kilobytes_of_distinct_words_without_throwing()
    {
        var words = new List<string>();
        for (var i = 0; words.Sum(w => w.Length + 1) < 10_240; i++) words.Add("w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var question = string.Join(' ', words);

        var answer = corpus.Knowledge.Ask(question);

        AssertWellFormed(question, answer);
        Assert.True(answer.Abstained);
    }

    [Theory]
    [InlineData("\"Shumshu")]
    [InlineData("Shumshu*")]
    [InlineData("(Shumshu) AND NOT")]
    [InlineData("Shumshu:^")]
    [InlineData("\u202EShumshu\u200B")]
    [InlineData("Shum\u200Bshu")]
    [InlineData("🏝️ Shumshu 🏝️")]
    public void Still_finds_the_place_named_among_query_syntax(string question)
    {
        var answer = corpus.Knowledge.Ask(question);

        AssertWellFormed(question, answer);
        Assert.False(answer.Abstained);
        Assert.Contains(answer.Excerpts, e => e.Text.Contains("Shumshu", StringComparison.Ordinal));
    }

    [Fact]
    public void Abstains_on_empty_and_whitespace_questions()
    {
        foreach (var question in new[] { "", " ", "\t\n", "\u200B\u200B" })
        {
            var answer = corpus.Knowledge.Ask(question);
            Assert.True(answer.Abstained);
            Assert.Empty(answer.Excerpts);
        }
    }

    [Fact]
    public void Answers_many_hostile_questions_at_once_from_many_threads()
    {
        var questions = HostileTexts.Select(row => row.Data).ToList();

        Parallel.ForEach(questions, new ParallelOptions { MaxDegreeOfParallelism = 4 }, q => AssertWellFormed(q, corpus.Knowledge.Ask(q)));
    }

    private static void AssertWellFormed(string question, Answer answer)
    {
        Assert.Equal(question, answer.Question);
        Assert.InRange(answer.Excerpts.Count, 0, 3);
        if (answer.Abstained) Assert.Empty(answer.Excerpts);
        else Assert.NotEmpty(answer.Excerpts);
        Assert.Equal(Enumerable.Range(1, answer.Excerpts.Count), answer.Excerpts.Select(e => e.Rank));
        foreach (var excerpt in answer.Excerpts)
        {
            Assert.False(string.IsNullOrWhiteSpace(excerpt.Text));
            Assert.True(double.IsFinite(excerpt.Score));
            Assert.False(string.IsNullOrEmpty(excerpt.Citation.DocumentId));
            Assert.False(string.IsNullOrEmpty(excerpt.Citation.Title));
        }
    }
}
