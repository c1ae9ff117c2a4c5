using System.Text.Json;
using Kuril.Bot.Cli;
using Kuril.Bot.Json;
using Kuril.Knowledge.Timeline;

namespace Kuril.Bot.Tests;

public sealed class OnThisDayCommandLineTests
{
    private static readonly TimelineEvent Shumshu = new(1945, 8, 18, "Soviet troops land on Shumshu.",
    [
        new TimelineSource("kuril-collected-excerpts", "the first wave of naval infantry hit the Takeda Beach", null, null),
        new TimelineSource(null, null, "Battle of Shumshu", new Uri("https://en.wikipedia.org/wiki/Battle_of_Shumshu")),
    ]);

    [Theory]
    [InlineData("02-30")]
    [InlineData("13-01")]
    [InlineData("tomorrow-ish")]
    public async Task A_bad_date_exits_with_the_usage_error(string date) =>
        Assert.Equal(BotCommandLine.UsageError, await BotCommandLine.Create([]).Parse(["onthisday", date]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken));

    [Fact]
    public void Plain_text_gives_one_line_per_event_with_its_citation()
    {
        var lines = OnThisDayCommandLine.Render(new MonthDay(8, 18), [Shumshu], []).Split(Environment.NewLine);

        Assert.Equal("On this day, 18 August:", lines[0]);
        Assert.Equal(
            "1945: Soviet troops land on Shumshu. [\"the first wave of naval infantry hit the Takeda Beach\" (kuril-collected-excerpts); Battle of Shumshu <https://en.wikipedia.org/wiki/Battle_of_Shumshu>]",
            lines[1]);
    }

    [Fact]
    public void A_day_without_events_says_so_and_offers_the_nearest()
    {
        var text = OnThisDayCommandLine.Render(new MonthDay(8, 21), [], [new NearbyEvent(Shumshu, -3)]);

        Assert.StartsWith("No events in the timeline on 21 August. The nearest within a week:", text, StringComparison.Ordinal);
        Assert.Contains("3 days ago, in 1945 (1945-08-18): Soviet troops land on Shumshu.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_has_the_documented_shape()
    {
        var shape = new OnThisDayJson("08-21", [TimelineEventJson.From(Shumshu)], [NearbyEventJson.From(new NearbyEvent(Shumshu, -3))]);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(shape, TimelineJsonContext.Default.OnThisDayJson));

        var root = json.RootElement;
        Assert.Equal("08-21", root.GetProperty("date").GetString());
        var e = root.GetProperty("events")[0];
        Assert.Equal("1945-08-18", e.GetProperty("date").GetString());
        Assert.Equal("day", e.GetProperty("precision").GetString());
        Assert.Equal("Soviet troops land on Shumshu.", e.GetProperty("text").GetString());
        var passage = e.GetProperty("sources")[0];
        Assert.Equal("kuril-collected-excerpts", passage.GetProperty("documentId").GetString());
        Assert.Equal(JsonValueKind.Null, passage.GetProperty("url").ValueKind);
        Assert.Equal("https://en.wikipedia.org/wiki/Battle_of_Shumshu", e.GetProperty("sources")[1].GetProperty("url").GetString());
        Assert.Equal(-3, root.GetProperty("nearest")[0].GetProperty("daysAway").GetInt32());
    }
}
