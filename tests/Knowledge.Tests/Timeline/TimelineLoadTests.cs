using Kuril.Knowledge.Timeline;
using KurilTimeline = Kuril.Knowledge.Timeline.Timeline;

namespace Kuril.Knowledge.Tests;

public sealed class TimelineLoadTests : IDisposable
{
    private const string GoodEvent = """
          - date: "1945-08-18"
            text: "Soviet troops land on Shumshu."
            sources:
              - title: "Battle of Shumshu"
                url: "https://en.wikipedia.org/wiki/Battle_of_Shumshu"
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("kuril-timeline-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Loads_events_from_the_corpus_folder()
    {
        File.WriteAllText(Path.Combine(_folder, KurilTimeline.FileName), $"""
            events:
            {GoodEvent}
              - date: 1855
                text: >-
                  The Treaty of Shimoda
                  draws the border.
                sources:
                  - document: some-document
                    excerpt: "In 1855"
            """);

        var timeline = KurilTimeline.Load(_folder);

        Assert.Equal(["1855", "1945-08-18"], timeline.All.Select(e => e.DateText));
        Assert.Equal("The Treaty of Shimoda draws the border.", timeline.All[0].Text);
        Assert.Equal(new TimelineSource("some-document", "In 1855", null, null), timeline.All[0].Sources.Single());
        Assert.Equal(DatePrecision.Year, timeline.All[0].Precision);
    }

    [Fact]
    public void Broken_yaml_is_a_format_exception_naming_the_file_and_line()
    {
        File.WriteAllText(Path.Combine(_folder, KurilTimeline.FileName), "events:\n  - date: \"1945\n    text: [unclosed\n");

        var error = Assert.Throws<FormatException>(() => KurilTimeline.Load(_folder));

        Assert.Contains(KurilTimeline.FileName, error.Message, StringComparison.Ordinal);
        Assert.Contains("line", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1945-02-30", "is not a day of the calendar")]
    [InlineData("1945-13", "has no month 13")]
    [InlineData("Aug 1945", "not of the form")]
    [InlineData("45-08-18", "not of the form")]
    public void A_bad_date_names_the_file_and_event(string date, string reason)
    {
        var yaml = $"events:\n{GoodEvent}\n  - date: \"{date}\"\n    text: x\n    sources:\n      - title: t\n        url: https://example.org/\n";

        var error = Assert.Throws<FormatException>(() => KurilTimeline.Parse(yaml, "timeline.yaml"));

        Assert.Contains("timeline.yaml: event 2 (line 7)", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("    sources: []\n", "at least one source")]
    [InlineData("    sources:\n      - document: d\n", "both 'document' and 'excerpt'")]
    [InlineData("    sources:\n      - title: t\n", "both 'title' and 'url'")]
    [InlineData("    sources:\n      - title: t\n        url: example.org/page\n", "not an absolute http(s) address")]
    [InlineData("    sources:\n      - title: t\n        link: https://example.org/\n", "unknown key 'link'")]
    public void An_event_without_a_usable_source_is_refused(string sources, string reason)
    {
        var yaml = "events:\n  - date: \"1956-10-19\"\n    text: x\n" + sources;

        var error = Assert.Throws<FormatException>(() => KurilTimeline.Parse(yaml, "timeline.yaml"));

        Assert.Contains("event 1", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_key_is_a_format_exception_naming_the_file()
    {
        var yaml = "events:\n  - date: \"1945\"\n    date: \"1946\"\n    text: x\n    sources:\n      - title: t\n        url: https://example.org/\n";

        Assert.Contains("timeline.yaml", Assert.Throws<FormatException>(() => KurilTimeline.Parse(yaml, "timeline.yaml")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_an_events_list_is_refused() =>
        Assert.Contains("'events' list", Assert.Throws<FormatException>(() => KurilTimeline.Parse("- date: 1945\n", "timeline.yaml")).Message, StringComparison.Ordinal);

    [Fact]
    public void A_missing_timeline_is_reported_with_its_path() =>
        Assert.Throws<FileNotFoundException>(() => KurilTimeline.Load(_folder));
}
