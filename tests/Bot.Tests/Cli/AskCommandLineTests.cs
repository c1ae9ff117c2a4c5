using System.Text.Json;
using Kuril.Bot.Terminal;
using Kuril.Bot.Tests.Support;

namespace Kuril.Bot.Tests.Cli;

/// <summary>The real command line, run as a process from the repository root over the shipped corpus.</summary>
public sealed class AskCommandLineTests(DataFolderFixture data) : IClassFixture<DataFolderFixture>
{
    private const string Deported = "How many Japanese civilians were deported from the Kurils?";
    private static readonly string[] AnswerProperties = ["question", "abstained", "excerpts"];
    private static readonly string[] ExcerptProperties = ["rank", "text", "documentId", "title", "url", "published", "score", "kind", "sources", "highlights", "link"];

    [Fact]
    public void The_bot_is_built_beside_the_tests()
    {
        Assert.True(File.Exists(BotProcess.BotDll), BotProcess.BotDll);
        Assert.True(File.Exists(Path.ChangeExtension(BotProcess.BotDll, ".runtimeconfig.json")));
    }

    [Fact]
    public async Task Ask_json_prints_one_object_with_exactly_the_documented_fields()
    {
        var result = await BotProcess.RunAsync(["ask", "--json", Deported, data.Override]);

        Assert.True(result.ExitCode == 0, result.StandardError);
        var line = Assert.Single(result.Lines);
        using var json = JsonDocument.Parse(line);
        var answer = AssertAnswerShape(json.RootElement);
        Assert.Equal(Deported, answer.GetProperty("question").GetString());
        Assert.False(answer.GetProperty("abstained").GetBoolean());
        var first = answer.GetProperty("excerpts")[0];
        Assert.Equal(1, first.GetProperty("rank").GetInt32());
        Assert.Contains("17,000 Japanese civilian residents were deported", first.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("kuril-collected-excerpts", first.GetProperty("documentId").GetString());
        Assert.Equal("Kuril Islands / Northern Territories: collected excerpts", first.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("url").ValueKind);
        Assert.Equal(JsonValueKind.Null, first.GetProperty("published").ValueKind);
        Assert.True(first.GetProperty("score").GetDouble() > 0);
    }

    [Fact]
    public async Task Ask_json_links_each_quotation_to_its_passage_when_the_site_is_on()
    {
        var result = await BotProcess.RunAsync(["ask", "--json", Deported, data.Override, "--Web:PublicUrl=https://kuril.example.org/"]);
        var plain = await BotProcess.RunAsync(["ask", "--json", Deported, data.Override]);

        Assert.True(result.ExitCode == 0, result.StandardError);
        using var json = JsonDocument.Parse(Assert.Single(result.Lines));
        var first = json.RootElement.GetProperty("excerpts")[0];
        Assert.Equal("https://kuril.example.org/sources/kuril-collected-excerpts#p69", first.GetProperty("link").GetString());
        using var without = JsonDocument.Parse(Assert.Single(plain.Lines));
        Assert.Equal(JsonValueKind.Null, without.RootElement.GetProperty("excerpts")[0].GetProperty("link").ValueKind);
    }

    [Fact]
    public async Task Ask_json_dash_answers_each_line_of_standard_input_in_order()
    {
        string[] questions = [Deported, "What is the capital of Australia?", "What did Putin say a deal with Japan needs?"];

        var result = await BotProcess.RunAsync(["ask", "--json", "-", data.Override], string.Join('\n', questions) + "\n");

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal(3, result.Lines.Count);
        var answers = result.Lines.Select(l => JsonDocument.Parse(l)).ToList();
        try
        {
            Assert.Equal(questions, answers.Select(a => AssertAnswerShape(a.RootElement).GetProperty("question").GetString()));

            Assert.Contains("17,000", answers[0].RootElement.GetProperty("excerpts")[0].GetProperty("text").GetString(), StringComparison.Ordinal);

            Assert.True(answers[1].RootElement.GetProperty("abstained").GetBoolean());
            Assert.Equal(0, answers[1].RootElement.GetProperty("excerpts").GetArrayLength());

            var news = answers[2].RootElement.GetProperty("excerpts").EnumerateArray()
                .First(e => e.GetProperty("documentId").GetString() == "putin-deal-needs-public-support");
            Assert.Equal("2019-01-23", news.GetProperty("published").GetString());
            Assert.StartsWith("https://www.themoscowtimes.com/", news.GetProperty("url").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            foreach (var answer in answers) answer.Dispose();
        }
    }

    [Fact]
    public async Task Ask_json_returns_hostile_question_text_unchanged()
    {
        const string hostile = "\"unbalanced AND (Kuril* NEAR ^ -択捉島: \u202Eemoji 🏝️ \\ </script>";

        var result = await BotProcess.RunAsync(["ask", "--json", hostile, data.Override]);

        Assert.True(result.ExitCode == 0, result.StandardError);
        using var json = JsonDocument.Parse(Assert.Single(result.Lines));
        Assert.Equal(hostile, AssertAnswerShape(json.RootElement).GetProperty("question").GetString());
    }

    [Fact]
    public async Task Ask_prints_the_17000_excerpt_with_its_citation()
    {
        var result = await BotProcess.RunAsync(["ask", Deported, data.Override]);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.StartsWith("[1] \"The Kurils 17,000 Japanese civilian residents were deported", result.Lines[0], StringComparison.Ordinal);
        Assert.StartsWith("    — Kuril Islands / Northern Territories: collected excerpts, passage ", result.Lines[1], StringComparison.Ordinal);
        Assert.Contains(" of kuril-collected-excerpts", result.Lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("info:", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_says_the_sources_do_not_cover_an_unrelated_question()
    {
        var result = await BotProcess.RunAsync(["ask", "How do I bake sourdough bread?", data.Override]);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal(PlainTextAnswerRenderer.AbstentionText, result.StandardOutput.Trim());
    }

    [Fact]
    public async Task Ask_json_marks_a_timeline_event_or_note_as_the_projects_summary_with_its_sources()
    {
        var result = await BotProcess.RunAsync(["ask", "--json", "What was SCAPIN-677?", data.Override]);

        Assert.True(result.ExitCode == 0, result.StandardError);
        using var json = JsonDocument.Parse(Assert.Single(result.Lines));
        var first = AssertAnswerShape(json.RootElement).GetProperty("excerpts")[0];
        Assert.Contains("SCAPIN-677", first.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains(first.GetProperty("kind").GetString(), new[] { "timeline", "note" });
        var source = first.GetProperty("sources")[0];
        Assert.Equal(["documentId", "excerpt", "title", "url"], source.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.StartsWith("https://", source.GetProperty("url").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("evl", "questions.jsonl")]
    [InlineData("frobnicate")]
    [InlineData("ask", "--frobnicate", "When was the Yalta conference?")]
    [InlineData("onthisday", "08-18", "--jsn")]
    public async Task A_mistyped_verb_or_option_exits_2_with_usage_on_standard_error(params string[] args)
    {
        var result = await BotProcess.RunAsync([.. args, data.Override]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Usage:", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(result.StandardOutput);
    }

    [Theory]
    [InlineData("ask", "--json", "--Knowledge:MaxExcerpts=1", Deported)]
    [InlineData("ask", Deported, "--json", "--Knowledge:MaxExcerpts=1")]
    [InlineData("ask", "--Knowledge:MaxExcerpts=1", Deported, "--json")]
    public async Task Options_and_configuration_overrides_work_before_or_after_the_question(params string[] args)
    {
        var result = await BotProcess.RunAsync([.. args, data.Override]);

        Assert.True(result.ExitCode == 0, result.StandardError);
        using var json = JsonDocument.Parse(Assert.Single(result.Lines));
        Assert.Equal(Deported, json.RootElement.GetProperty("question").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("excerpts").GetArrayLength());
    }

    [Fact]
    public async Task Ask_json_dash_refuses_a_line_over_the_command_length_limit_and_answers_the_rest()
    {
        var result = await BotProcess.RunAsync(["ask", "--json", "-", data.Override], new string('x', 1_000_000) + "\n" + Deported + "\n");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Line 1: the question is 1000000 characters; please keep it to 500 or fewer.", result.StandardError, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(Assert.Single(result.Lines));
        Assert.Equal(Deported, json.RootElement.GetProperty("question").GetString());
    }

    private static JsonElement AssertAnswerShape(JsonElement answer)
    {
        Assert.Equal(JsonValueKind.Object, answer.ValueKind);
        Assert.Equal(AnswerProperties, answer.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.String, answer.GetProperty("question").ValueKind);
        Assert.Contains(answer.GetProperty("abstained").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
        var excerpts = answer.GetProperty("excerpts");
        Assert.Equal(JsonValueKind.Array, excerpts.ValueKind);
        var rank = 0;
        foreach (var excerpt in excerpts.EnumerateArray())
        {
            Assert.Equal(ExcerptProperties, excerpt.EnumerateObject().Select(p => p.Name));
            Assert.Equal(++rank, excerpt.GetProperty("rank").GetInt32());
            Assert.Equal(JsonValueKind.String, excerpt.GetProperty("text").ValueKind);
            Assert.Equal(JsonValueKind.String, excerpt.GetProperty("documentId").ValueKind);
            Assert.Equal(JsonValueKind.String, excerpt.GetProperty("title").ValueKind);
            Assert.Contains(excerpt.GetProperty("url").ValueKind, new[] { JsonValueKind.String, JsonValueKind.Null });
            Assert.Contains(excerpt.GetProperty("published").ValueKind, new[] { JsonValueKind.String, JsonValueKind.Null });
            Assert.Equal(JsonValueKind.Number, excerpt.GetProperty("score").ValueKind);
            Assert.Contains(excerpt.GetProperty("kind").GetString(), new[] { "document", "timeline", "note" });
            Assert.Equal(JsonValueKind.Array, excerpt.GetProperty("sources").ValueKind);
            Assert.Equal(excerpt.GetProperty("kind").GetString() != "document", excerpt.GetProperty("sources").GetArrayLength() > 0);
        }

        Assert.Equal(answer.GetProperty("abstained").GetBoolean(), rank == 0);
        return answer;
    }
}
