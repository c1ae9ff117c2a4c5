using Kuril.Knowledge.Corpus;
using Kuril.Knowledge.Tests.Support;
using Kuril.Knowledge.Timeline;
using KurilTimeline = Kuril.Knowledge.Timeline.Timeline;

namespace Kuril.Knowledge.Tests;

/// <summary>The shipped <c>corpus/timeline.yaml</c>: enough events, honest dates, and sources that check out.</summary>
public sealed class CorpusTimelineTests
{
    private const string Excerpts = "kuril-collected-excerpts";
    private const string PutinDeal = "putin-deal-needs-public-support";

    private static readonly Lazy<KurilTimeline> Shipped = new(() => KurilTimeline.Load(RepoPaths.Corpus));

    private static readonly Lazy<Dictionary<string, CorpusDocument>> Documents =
        new(() => CorpusReader.Read(RepoPaths.Corpus).Documents.ToDictionary(d => d.Id, StringComparer.Ordinal));

    public static TheoryData<string, string, string> DatedCorpusStatements => new()
    {
        // The corpus states these dates; each must be an event citing the passage that states it.
        { "1855-02-07", Excerpts, "In 1855, Edo Japan and Imperial Russia signed a treaty" },
        { "1855-02-07", Excerpts, "In 1855, the Treaty of Commerce, Navigation and Delimitation" },
        { "1875-05-07", Excerpts, "Then an 1875 treaty" },
        { "1943-11-27", Excerpts, "the 1943 Cairo Declaration" },
        { "1945-02-11", Excerpts, "At the Yalta Conference in February 1945" },
        { "1945-08-09", Excerpts, "Exactly three months later as promised" },
        { "1945-08-15", Excerpts, "Tokyo announced on Aug. 15 that it was ready to surrender" },
        { "1945-08-17", Excerpts, "The amphibious force set sail early on Aug. 17" },
        { "1945-08-18", Excerpts, "at 2:30 the following morning, the first wave of naval infantry hit the Takeda Beach" },
        { "1945-08-28", Excerpts, "occupied all of the Four Northern Islands from 28 August 1945 to 5 September 1945" },
        { "1945-09-05", Excerpts, "occupied all of the Four Northern Islands from 28 August 1945 to 5 September 1945" },
        { "1945-09-01", Excerpts, "Then through Sept. 1" },
        { "1956-10-19", Excerpts, "In 1956, the Soviet Union and Japan signed a joint declaration" },
        { "1993-10-13", Excerpts, "1993 Tokyo Declaration" },
        { "2001-03-25", Excerpts, "In March 2001, then Prime Minister Yoshiro Mori visited Irkutsk" },
        { "2003-01-10", Excerpts, "2003 Joint Statement and Action Plan" },
        { "2013-04-29", Excerpts, "Prime Minister Abe's visit to Russia (April 2013)" },
        { "2014-03-18", Excerpts, "When Russia annexed Ukraines Crimea region in 2014" },
        { "2016-12-15", Excerpts, "the December 2016 summit meeting" },
        { "2017-09-07", Excerpts, "At the summit meeting in September 2017" },
        { "2018-11-14", Excerpts, "summit meeting in Singapore in November 2018" },
        { "2019-01-22", PutinDeal, "Vladimir Putin said on Tuesday after meeting Japanese Prime Minister Shinzo Abe" },
        { "2019-02", PutinDeal, "foreign ministers would meet in February" },
        { "2019-06-29", Excerpts, "President Putin's visit to Japan (June 2019)" },
        { "2020-07-04", Excerpts, "new Russian constitution enacted in July" },
        { "2020-09-29", Excerpts, "Japan-Russia summit telephone talk (September 2020)" },
        { "2020-10", Excerpts, "In October, Russia deployed S-300V4" },
        { "2022-03-21", Excerpts, "Russia halts WWII peace treaty talks with Japan" },
        { "2022-04-22", Excerpts, "2022 Diplomatic Bluebook" },
    };

    [Fact]
    public void Has_at_least_sixty_events() =>
        Assert.True(Shipped.Value.All.Count >= 60, $"only {Shipped.Value.All.Count} events");

    [Fact]
    public void Every_event_has_a_source_and_text() =>
        Assert.All(Shipped.Value.All, e =>
        {
            Assert.NotEmpty(e.Sources);
            Assert.False(string.IsNullOrWhiteSpace(e.Text), e.DateText);
        });

    [Fact]
    public void Every_corpus_excerpt_occurs_verbatim_in_its_document()
    {
        var problems = new List<string>();
        foreach (var e in Shipped.Value.All)
        {
            foreach (var source in e.Sources.Where(s => s.IsCorpusPassage))
            {
                if (!Documents.Value.TryGetValue(source.DocumentId!, out var document))
                {
                    problems.Add($"{e.DateText}: no document '{source.DocumentId}'");
                }
                else if (!document.Body.Contains(source.Excerpt!, StringComparison.Ordinal))
                {
                    problems.Add($"{e.DateText}: not in {source.DocumentId}: {source.Excerpt}");
                }
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Every_url_is_absolute_https() =>
        Assert.All(Shipped.Value.All.SelectMany(e => e.Sources).Where(s => s.Url is not null), s =>
        {
            Assert.True(s.Url!.IsAbsoluteUri, s.Url.OriginalString);
            Assert.Equal(Uri.UriSchemeHttps, s.Url.Scheme);
            Assert.False(string.IsNullOrWhiteSpace(s.Title), s.Url.ToString());
        });

    [Fact]
    public void Every_date_is_real_and_not_in_the_future()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.All(Shipped.Value.All, e =>
        {
            Assert.True(TimelineEvent.TryParseDate(e.DateText, out _, out _, out _, out var error), error);
            Assert.True(e.Start <= today, $"{e.DateText} is in the future");
        });
    }

    [Fact]
    public void Each_date_form_states_its_precision() =>
        Assert.All(Shipped.Value.All, e => Assert.Equal(
            e.Precision switch { DatePrecision.Day => 10, DatePrecision.Month => 7, _ => 4 },
            e.DateText.Length));

    [Fact]
    public void Events_run_from_before_the_1855_treaty_to_the_2020s()
    {
        Assert.True(Shipped.Value.All[0].Year < 1855);
        Assert.True(Shipped.Value.All[^1].Year >= 2022);
        Assert.Contains(Shipped.Value.All, e => e.Precision == DatePrecision.Month);
        Assert.Contains(Shipped.Value.All, e => e.Precision == DatePrecision.Year);
    }

    [Fact]
    public void No_two_events_share_a_date_and_text() =>
        Assert.Equal(Shipped.Value.All.Count, Shipped.Value.All.Select(e => (e.DateText, e.Text)).Distinct().Count());

    [Theory]
    [MemberData(nameof(DatedCorpusStatements))]
    public void Dated_corpus_statements_are_events_citing_their_passage(string date, string documentId, string statement)
    {
        var events = Shipped.Value.All.Where(e => e.DateText == date).ToList();
        Assert.True(events.Count > 0, $"no event on {date}");
        Assert.Contains(events, e => e.Sources.Any(s =>
            s.DocumentId == documentId && s.Excerpt is { } excerpt
            && (excerpt.Contains(statement, StringComparison.Ordinal) || statement.Contains(excerpt, StringComparison.Ordinal))));
    }

    [Fact]
    public void Every_day_of_the_year_has_an_event_on_it_or_within_a_week()
    {
        // A daily post is never empty: each calendar day, 29 February included, has events or nearest events.
        var empty = new List<string>();
        for (var date = new DateOnly(2000, 1, 1); date.Year == 2000; date = date.AddDays(1))
        {
            if (Shipped.Value.OnThisDay(date.Month, date.Day).Count == 0 && Shipped.Value.Nearest(date.Month, date.Day).Count == 0)
            {
                empty.Add(MonthDay.From(date).ToString());
            }
        }

        Assert.Empty(empty);
    }

    [Fact]
    public void The_battle_of_Shumshu_is_on_this_day_on_18_August() =>
        Assert.Contains(Shipped.Value.OnThisDay(8, 18), e => e.Year == 1945 && e.Text.Contains("Shumshu", StringComparison.Ordinal));
}
