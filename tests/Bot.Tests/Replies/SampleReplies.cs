using System.Globalization;
using Kuril.Bot.Replies;
using Kuril.Knowledge.Answers;
using Kuril.Knowledge.Timeline;

namespace Kuril.Bot.Tests.Replies;

/// <summary>Replies that push renderers to their limits.</summary>
internal static class SampleReplies
{
    /// <summary>Markup and mentions every renderer must show as text.</summary>
    public const string Hostile = "<b>bold</b> </a> &amp; *_[link](http://x)~ `code` |spoiler| > quote @everyone @here <@&123> <@456>";

    /// <summary>
    /// An answer of well over 10,000 characters: twelve excerpts in English, Japanese and Russian with emoji
    /// (two UTF-16 units each) and markup characters (which grow when escaped).
    /// </summary>
    public static Reply Long()
    {
        var excerpts = Enumerable.Range(1, 12)
            .Select(n => new ReplyExcerpt(n, Excerpt(n, 850), "Kuril collected excerpts, passage " + n.ToString(CultureInfo.InvariantCulture) + " of 145", n % 2 == 0 ? "Russia" : "Japan"))
            .ToList();
        return new Reply("Excerpts about 択捉島 / Итуруп 🏝️")
        {
            Paragraphs = ["Excerpts 1–12 of 40:"],
            Excerpts = excerpts,
            Sources = [new ReplySource("Kuril Islands / Northern Territories: collected excerpts", "id: kuril · 145 passages", new Uri("https://example.org/kuril"))],
            Buttons =
            [
                new ReplyButton("More", new ButtonToken(ButtonAction.More, long.MaxValue).ToString()),
                new ReplyButton("Context [1]", new ButtonToken(ButtonAction.Context, long.MaxValue, 3).ToString()),
                new ReplyButton("Helpful", new ButtonToken(ButtonAction.Helpful, long.MaxValue).ToString()),
                new ReplyButton("Not helpful", new ButtonToken(ButtonAction.NotHelpful, long.MaxValue).ToString()),
            ],
        };
    }

    /// <summary>Total characters of the long reply's excerpt texts.</summary>
    public static int LongTextLength => Long().Excerpts.Sum(e => e.Text.Length);

    /// <summary>A reply whose every text field carries <see cref="Hostile"/>.</summary>
    public static Reply Injection() => new("Q: " + Hostile)
    {
        Paragraphs = ["You asked: " + Hostile],
        Excerpts = [new ReplyExcerpt(1, "Corpus says " + Hostile, "Title " + Hostile, "Side " + Hostile)],
        Sources = [new ReplySource("Source " + Hostile, "Details " + Hostile, new Uri("https://example.org/a_b"))],
    };

    /// <summary>
    /// An answer of two excerpts as the answer builder shows them: a timeline event (the project's summary, with a
    /// corpus passage and a public reference as sources, and hostile text in its sources) and a quoted document passage.
    /// </summary>
    public static Reply Summary(int sourceLength = 40)
    {
        var citation = new Citation("timeline", "Timeline of the dispute", "the project's own summary", null, null, 32, 87, 0);
        var summary = new Excerpt(1, "29 January 1946: The directive SCAPIN-677 suspends Japanese administration of the Kurils.", citation, 9.5)
        {
            Kind = ExcerptKind.Timeline,
            Sources =
            [
                new TimelineSource("kuril-collected-excerpts", "Soviet forces " + Hostile + " " + new string('x', sourceLength), null, null),
                new TimelineSource(null, null, "SCAPIN-677 " + Hostile, new Uri("https://en.wikipedia.org/wiki/Kuril_Islands_dispute")),
            ],
        };
        var quotation = new Excerpt(2, "The Kurils 17,000 Japanese civilian residents were deported.", new Citation("kuril-collected-excerpts", "Collected excerpts", null, null, null, 68, 144, 70), 8.1);
        return new Reply("Summary")
        {
            Excerpts = [CitationText.Excerpt(summary), CitationText.Excerpt(quotation)],
        };
    }

    /// <summary>Text of a given length starting with its number, e.g. "#3 …", cycling through scripts and markup.</summary>
    public static string Excerpt(int number, int length)
    {
        const string Pattern = "択捉島は北方領土の一つ。 Итуруп — крупнейший остров. 🏝️🇯🇵 Etorofu *is* _large_ & <big> ~ [sic] (2,000 sq mi). ";
        var text = "#" + number.ToString(CultureInfo.InvariantCulture) + " ";
        while (text.Length < length) text += Pattern;
        return TextLimit.Truncate(text, length);
    }
}
