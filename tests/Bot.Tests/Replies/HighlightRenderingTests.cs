using Kuril.Bot.Commands;
using Kuril.Bot.Json;
using Kuril.Bot.Replies;
using Kuril.Bot.Replies.Discord;
using Kuril.Bot.Replies.Telegram;
using Kuril.Knowledge.Answers;

namespace Kuril.Bot.Tests.Replies;

/// <summary>Matched words are bold on every platform, escaped first so that quoted text can never open or close the bold.</summary>
public sealed class HighlightRenderingTests
{
    // "Kunashiri" and "<b>*deported*</b>" are highlighted; the second is markup in the corpus text, which must stay text.
    private const string Text = "Kunashiri lies near Hokkaido; 17,000 were <b>*deported*</b> & more.";

    [Fact]
    public void Discord_bolds_matched_words_with_their_markdown_escaped()
    {
        var description = string.Concat(DiscordReplyRenderer.Render(Reply()).SelectMany(m => m.Embeds).Select(e => e.Description));

        Assert.Contains("\"**Kunashiri** lies near Hokkaido", description, StringComparison.Ordinal);
        Assert.Contains("**<b\\>\\*deported\\*</b\\>**", description, StringComparison.Ordinal);
    }

    [Fact]
    public void Telegram_bolds_matched_words_inside_the_quote_with_their_html_escaped()
    {
        var html = string.Concat(TelegramReplyRenderer.Render(Reply()).Select(m => m.Text));

        Assert.Contains("<blockquote><b>Kunashiri</b> lies near Hokkaido; 17,000 were <b>&lt;b&gt;*deported*&lt;/b&gt;</b> &amp; more.</blockquote>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Telegram_never_cuts_inside_a_bold_word_of_a_long_excerpt()
    {
        var text = new string('a', TelegramLimits.ExcerptText - 3) + " Kunashiri";
        var reply = new Reply("t") { Excerpts = [new ReplyExcerpt(1, text, "c") { Highlights = [new TextSpan(text.Length - 9, 9)] }] };

        var html = string.Concat(TelegramReplyRenderer.Render(reply).Select(m => m.Text));

        Assert.DoesNotContain("<b>Kuna", html, StringComparison.Ordinal);
        Assert.Equal(CountOf(html, "<b>"), CountOf(html, "</b>"));
    }

    [Fact]
    public void The_console_bolds_matched_words_in_a_terminal_and_stays_plain_when_piped()
    {
        var terminal = ConsoleReplyRenderer.Render(Reply(), bold: true);
        var piped = ConsoleReplyRenderer.Render(Reply());

        Assert.Contains("\"\e[1mKunashiri\e[22m lies near Hokkaido; 17,000 were \e[1m<b>*deported*</b>\e[22m & more.\"", terminal, StringComparison.Ordinal);
        Assert.Contains("\"" + Text + "\"", piped, StringComparison.Ordinal);
        Assert.DoesNotContain("\e[", piped, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_json_gives_highlights_as_start_and_length_pairs_and_the_corrected_query()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(AnswerJson.From(Answer()), BotJsonContext.Default.AnswerJson);

        Assert.Contains("\"highlights\":[[0,9],[42,17]]", json, StringComparison.Ordinal);
        Assert.Contains("\"correctedQuery\":\"Who lives on Kunashiri?\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrected_answer_says_what_it_shows_results_for()
    {
        Assert.Equal("Showing results for Kunashiri.", AnswerReplyBuilder.ShowingResultsFor(Answer()));
        Assert.StartsWith("Showing results for Kunashiri.", Kuril.Bot.Terminal.PlainTextAnswerRenderer.Render(Answer()), StringComparison.Ordinal);
    }

    private static IReadOnlyList<TextSpan> Spans() => [new TextSpan(0, 9), new TextSpan(Text.IndexOf("<b>", StringComparison.Ordinal), 17)];

    private static Reply Reply() => new("Who lives on Kunashri?") { Excerpts = [new ReplyExcerpt(1, Text, "A source") { Highlights = Spans() }] };

    private static Answer Answer()
    {
        var citation = new Citation("doc", "Doc", null, null, null, 0, 1, 1);
        return new Answer("Who lives on Kunashri?", false, [new Excerpt(1, Text, citation, 1.0) { Highlights = Spans() }], 1)
        {
            Corrections = [new Correction("kunashri", "kunashiri")],
        };
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
