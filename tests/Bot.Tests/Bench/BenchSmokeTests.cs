using Kuril.Bench;

namespace Kuril.Bot.Tests.Bench;

/// <summary>
/// The bench stays out of CI except for this: its smoke run (a few seconds, figures meaningless) proves every
/// section still runs against the current code. No figure is asserted; timings belong to the bench, not to tests.
/// </summary>
public sealed class BenchSmokeTests
{
    [Fact]
    public async Task Smoke_run_measures_every_section_and_prints_one_table()
    {
        using var output = new StringWriter();

        var exitCode = await BenchRunner.RunAsync(["--smoke"], output).WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);

        var text = output.ToString();
        Assert.True(exitCode == 0, text);
        foreach (var section in new[] { "| ask, shipped corpus", "| ask, 40 documents", "| start-up to ready", "| Discord interactions", "| Discord REST posts", "| Telegram webhook", "| Web (loopback)" })
        {
            Assert.Contains(section, text, StringComparison.Ordinal);
        }

        Assert.Contains("duplicates (a nonce accepted twice)", text, StringComparison.Ordinal);
        Assert.Matches(@"\d+ targets met, \d+ missed", text);
    }
}
