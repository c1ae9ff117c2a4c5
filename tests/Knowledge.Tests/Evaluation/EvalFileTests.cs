using Kuril.Knowledge.Evaluation;
using Kuril.Knowledge.Tests.Support;

namespace Kuril.Knowledge.Tests.Evaluation;

/// <summary>Reading evaluation files: list gold, and lines whose values are null or of the wrong type.</summary>
public sealed class EvalFileTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public void Gold_entries_may_be_strings_or_lists_that_must_stand_in_one_excerpt()
    {
        var path = Write("""{"id": "a", "question": "Where are the Habomai islets?", "expect": "answer", "gold": ["plain", ["habomai", "hokkaido"]], "kind": "typo", "must_not": []}""");

        var question = Assert.Single(RetrievalEvaluator.ReadQuestions(path));

        Assert.Equal(2, question.Gold.Count);
        Assert.Equal(["plain"], question.Gold[0]);
        Assert.Equal(["habomai", "hokkaido"], question.Gold[1]);
    }

    [Theory]
    [InlineData("""{"id": "a", "question": "q?", "expect": "answer", "gold": null}""")]
    [InlineData("""{"id": "a", "question": "q?", "expect": "answer", "gold": [null]}""")]
    [InlineData("""{"id": "a", "question": "q?", "expect": "answer", "gold": [[null]]}""")]
    [InlineData("""{"id": "a", "question": "q?", "expect": "answer", "gold": [[]]}""")]
    [InlineData("""{"id": "a", "question": "q?", "expect": "answer", "gold": [3]}""")]
    [InlineData("""{"id": "a", "question": "q?", "expect": "answer", "gold": ["x"], "must_not": [null]}""")]
    [InlineData("""{"id": "a", "question": "q?", "expect": "answer", "gold": ["x"], "must_not": "x"}""")]
    [InlineData("""{"id": "a", "question": null, "expect": "answer", "gold": ["x"]}""")]
    [InlineData("""{"id": "a", "question": "q?", "expect": "answer", "gold": []}""")]
    [InlineData("""[1, 2]""")]
    public void A_malformed_line_is_reported_with_its_number(string line)
    {
        var path = Write("""{"id": "ok", "question": "fine?", "expect": "abstain", "gold": null, "must_not": null}""", string.Empty, line);

        var error = Assert.Throws<FormatException>(() => RetrievalEvaluator.ReadQuestions(path));

        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_abstain_question_may_leave_gold_and_must_not_null()
    {
        var path = Write("""{"id": "ok", "question": "fine?", "expect": "abstain", "gold": null, "must_not": null}""");

        var question = Assert.Single(RetrievalEvaluator.ReadQuestions(path));

        Assert.Empty(question.Gold);
        Assert.Empty(question.MustNot);
    }

    public void Dispose() => _folder.Dispose();

    private string Write(params string[] lines)
    {
        var path = Path.Combine(_folder.Path, "questions.jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }
}
