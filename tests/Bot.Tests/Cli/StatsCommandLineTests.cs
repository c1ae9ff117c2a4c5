using System.Text.Json;
using Kuril.Bot.Tests.Support;

namespace Kuril.Bot.Tests.Cli;

/// <summary><c>stats</c> run as a process over the bot.db a console chat process wrote.</summary>
public sealed class StatsCommandLineTests(DataFolderFixture data) : IClassFixture<DataFolderFixture>
{
    [Fact]
    public async Task Stats_lists_an_abstained_question_after_it_was_asked_and_counts_case_and_punctuation_as_one()
    {
        var chat = await BotProcess.RunAsync([data.Override], "What is the capital of Australia?\n/kuril ask what is the CAPITAL of australia\nWhen was the Yalta conference?\n");
        Assert.True(chat.ExitCode == 0, chat.StandardError);

        var json = await BotProcess.RunAsync(["stats", "--json", "--days", "1", data.Override]);
        var text = await BotProcess.RunAsync(["stats", data.Override]);

        Assert.True(json.ExitCode == 0, json.StandardError);
        using var stats = JsonDocument.Parse(Assert.Single(json.Lines));
        Assert.Equal(1, stats.RootElement.GetProperty("days").GetInt32());
        var console = Assert.Single(stats.RootElement.GetProperty("platforms").EnumerateArray());
        Assert.Equal("Console", console.GetProperty("platform").GetString());
        Assert.Equal(3, console.GetProperty("asked").GetInt32());
        Assert.Equal(1, console.GetProperty("answered").GetInt32());
        Assert.Equal(2, console.GetProperty("abstained").GetInt32());
        var unanswered = Assert.Single(console.GetProperty("unanswered").EnumerateArray());
        Assert.Equal("what is the capital of australia", unanswered.GetProperty("question").GetString());
        Assert.Equal(2, unanswered.GetProperty("count").GetInt32());
        Assert.DoesNotContain("hash", json.StandardOutput, StringComparison.OrdinalIgnoreCase);
        Assert.True(text.ExitCode == 0, text.StandardError);
        Assert.Contains("Console: 3 questions, 1 answered (33%), 2 abstained (67%).", text.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("“what is the capital of australia” ×2", text.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_refuses_a_period_out_of_range_with_the_usage_exit_code()
    {
        var result = await BotProcess.RunAsync(["stats", "--days", "0", data.Override]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--days must be from 1 to 3650", result.StandardError, StringComparison.Ordinal);
    }
}
