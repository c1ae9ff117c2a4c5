using Kuril.Bot.Cli;
using Kuril.Bot.Commands.Subcommands;
using Kuril.Bot.Replies;
using Kuril.Bot.Tests.Daily;
using Kuril.Bot.Tests.Support;
using Kuril.Knowledge.Timeline;

namespace Kuril.Bot.Tests.Cli;

public sealed class PreviewCommandLineTests(DataFolderFixture data) : IClassFixture<DataFolderFixture>
{
    [Fact(Timeout = 120_000)]
    public async Task Preview_prints_exactly_the_daily_post_the_console_channel_receives()
    {
        var result = await BotProcess.RunAsync(["preview", "08-18", data.Override]);

        Assert.Equal(0, result.ExitCode);
        using var rig = new DailyPostRig(DateTimeOffset.UtcNow);
        var day = PreviewCommand.NextOccurrence(new MonthDay(8, 18), DateOnly.FromDateTime(DateTime.UtcNow));
        Assert.Equal(ConsoleReplyRenderer.Render(rig.Builder.Build(day)!), result.StandardOutput.Trim());
        Assert.StartsWith("On this day, 18 August", result.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("02-30")]
    [InlineData("tomorrow-ish")]
    public async Task A_bad_date_exits_with_the_usage_error(string date) =>
        Assert.Equal(BotCommandLine.UsageError, await BotCommandLine.Create([]).Parse(["preview", date]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken));
}
