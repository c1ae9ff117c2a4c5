using Kuril.Bot.Tests.Support;

namespace Kuril.Bot.Tests.Terminal;

/// <summary>The console chat the bot starts with no verb and no platform configured, run as a process.</summary>
public sealed class ConsoleChatProcessTests(DataFolderFixture data) : IClassFixture<DataFolderFixture>
{
    [Fact]
    public async Task Answers_kuril_ask_and_help_and_leaves_at_the_end_of_input()
    {
        var result = await BotProcess.RunAsync([data.Override], "/kuril help\n/kuril ask How many Japanese civilians were deported from the Kurils?\nWhat is the capital of Australia?\n");

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Contains("/kuril ask <question>", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("[1] \"The Kurils 17,000 Japanese civilian residents were deported", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("do not cover", result.StandardOutput, StringComparison.Ordinal);
    }
}
