using Kuril.Bot.Daily;
using Kuril.Knowledge.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using KurilTimeline = Kuril.Knowledge.Timeline.Timeline;

namespace Kuril.Bot.Tests.Daily;

public sealed class TimelineCacheTests : IDisposable
{
    private readonly string _corpus = Path.Combine(Path.GetTempPath(), "kuril-timeline-tests-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly TimelineCache _cache;
    private int _edits;

    public TimelineCacheTests()
    {
        Directory.CreateDirectory(_corpus);
        _cache = new TimelineCache(Options.Create(new KnowledgeOptions { CorpusPath = _corpus, DataPath = _corpus }), NullLogger<TimelineCache>.Instance);
    }

    [Fact]
    public void A_broken_file_keeps_the_previous_timeline_and_a_fixed_one_is_read_again()
    {
        Assert.Null(_cache.Current); // no file yet: nothing, and no exception

        Write(File.ReadAllText(Path.Combine(RepoPaths.Corpus, KurilTimeline.FileName)));
        var shipped = _cache.Current;
        Assert.NotNull(shipped);

        Write("events:\n  - date: 1945-13-45\n    text: [unclosed");
        Assert.Same(shipped, _cache.Current);

        var oneEvent = """
            events:
              - date: "1855-02-07"
                text: "The Treaty of Shimoda draws the border between Etorofu and Urup."
                sources:
                  - title: "Treaty of Shimoda"
                    url: "https://en.wikipedia.org/wiki/Treaty_of_Shimoda"
            """;
        Write(oneEvent);
        Assert.Single(_cache.Current!.All);
    }

    public void Dispose() => Directory.Delete(_corpus, recursive: true);

    // Each edit gets its own timestamp, as an editor's save would, whatever the file system's resolution.
    private void Write(string text)
    {
        var path = Path.Combine(_corpus, KurilTimeline.FileName);
        File.WriteAllText(path, text);
        File.SetLastWriteTimeUtc(path, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(++_edits));
    }
}
