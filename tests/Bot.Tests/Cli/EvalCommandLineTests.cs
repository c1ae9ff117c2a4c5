using Kuril.Bot.Cli;
using Kuril.Bot.Tests.Support;

namespace Kuril.Bot.Tests.Cli;

/// <summary><c>eval</c> run as a process: a malformed questions file is a usage error naming the line, not a crash.</summary>
public sealed class EvalCommandLineTests(DataFolderFixture data) : IClassFixture<DataFolderFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kuril-eval-").FullName;

    [Theory(Timeout = 120_000)]
    [InlineData("""{"id": "x", "question": "When was the Yalta conference?", "expect": "answer", "gold": null}""")]
    [InlineData("""{"id": "x", "question": "When was the Yalta conference?", "expect": "answer", "gold": [null]}""")]
    [InlineData("""{"id": "x", "question": "When was the Yalta conference?", "expect": "answer", "gold": ["1945"], "must_not": [null]}""")]
    [InlineData("""{"id": "x", "question": "When was the Yalta conference?", "expect": "answer", "gold": {"a": 1}}""")]
    public async Task A_malformed_line_is_reported_by_number_with_the_usage_exit_code(string line)
    {
        var path = Path.Combine(_folder, "questions.jsonl");
        await File.WriteAllLinesAsync(path, ["""{"id": "ok", "question": "What is the capital of Australia?", "expect": "abstain", "gold": []}""", line], TestContext.Current.CancellationToken);

        var result = await BotProcess.RunAsync(["eval", path, data.Override]);

        Assert.Equal(BotCommandLine.UsageError, result.ExitCode);
        Assert.StartsWith("Cannot read the questions", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("line 2", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task List_gold_is_scored_as_strings_that_stand_in_one_excerpt()
    {
        var path = Path.Combine(_folder, "questions.jsonl");
        await File.WriteAllLinesAsync(path, [
            """{"id": "both", "question": "How many Japanese civilians were deported from the Kurils?", "expect": "answer", "gold": [["17,000", "deported"]]}""",
            """{"id": "apart", "question": "How many Japanese civilians were deported from the Kurils?", "expect": "answer", "gold": [["17,000", "Hatoyama"]]}""",
        ], TestContext.Current.CancellationToken);

        var result = await BotProcess.RunAsync(["eval", path, data.Override]);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Contains("hit@3: 0.500", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("apart [] How many", result.StandardOutput, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
