using System.Text.RegularExpressions;
using Kuril.Bot.Replies;
using Kuril.Bot.Replies.Discord;
using Kuril.Bot.Replies.Telegram;

namespace Kuril.Bot.Tests.Replies;

/// <summary>A timeline event or note is shown as the project's summary, unquoted, with its sources under it, on every platform.</summary>
public sealed partial class SummaryExcerptRenderingTests
{
    [Fact]
    public void The_console_labels_a_summary_leaves_it_unquoted_and_lists_its_sources_while_a_document_stays_quoted()
    {
        var text = ConsoleReplyRenderer.Render(SampleReplies.Summary());

        Assert.Contains("[1] Our summary (timeline): 29 January 1946: The directive", text, StringComparison.Ordinal);
        Assert.Contains("    — Timeline of the dispute, event 33 of 87", text, StringComparison.Ordinal);
        Assert.Contains("      source: kuril-collected-excerpts — “Soviet forces", text, StringComparison.Ordinal);
        Assert.Contains("      source: SCAPIN-677 " + SampleReplies.Hostile + " — https://en.wikipedia.org/wiki/Kuril_Islands_dispute", text, StringComparison.Ordinal);
        Assert.Contains("[2] \"The Kurils 17,000", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Discord_shows_the_label_and_sources_escaped_and_quotes_only_the_document()
    {
        var description = string.Join("\n", DiscordReplyRenderer.Render(SampleReplies.Summary()).SelectMany(m => m.Embeds).Select(e => e.Description));

        Assert.Contains("**[1]** **Our summary \\(timeline\\):** 29 January 1946", description, StringComparison.Ordinal);
        Assert.DoesNotContain("\"29 January 1946", description, StringComparison.Ordinal);
        Assert.Contains("↳ **SCAPIN-677 <b\\>bold", description, StringComparison.Ordinal);
        Assert.Contains("<https://en.wikipedia.org/wiki/Kuril_Islands_dispute>", description, StringComparison.Ordinal);
        Assert.Contains("\"The Kurils 17,000", description, StringComparison.Ordinal);
        Assert.DoesNotContain("@everyone", description, StringComparison.Ordinal);
    }

    [Fact]
    public void Telegram_links_a_reference_escapes_every_source_and_blockquotes_only_the_document()
    {
        var html = Assert.Single(TelegramReplyRenderer.Render(SampleReplies.Summary())).Text;

        Assert.Contains("<b>[1] Our summary (timeline):</b>\n29 January 1946", html, StringComparison.Ordinal);
        Assert.Contains("↳ <a href=\"https://en.wikipedia.org/wiki/Kuril_Islands_dispute\">SCAPIN-677 &lt;b&gt;bold&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("↳ kuril-collected-excerpts — “Soviet forces &lt;b&gt;", html, StringComparison.Ordinal);
        Assert.Equal(1, Blockquotes().Count(html));
        Assert.Contains("<blockquote>The Kurils 17,000", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_sources_are_cut_so_that_a_summary_fits_one_message_and_one_embed()
    {
        var reply = SampleReplies.Summary(sourceLength: 5000);

        Assert.All(TelegramReplyRenderer.Render(reply), m => Assert.InRange(TelegramHtml.VisibleLength(m.Text), 1, TelegramLimits.Text));
        Assert.All(DiscordReplyRenderer.Render(reply).SelectMany(m => m.Embeds), e => Assert.InRange(e.Description.Length, 1, DiscordLimits.EmbedDescription));
        Assert.Contains("SCAPIN-677", string.Join("\n", TelegramReplyRenderer.Render(reply).Select(m => m.Text)), StringComparison.Ordinal);
    }

    [GeneratedRegex("<blockquote>")]
    private static partial Regex Blockquotes();
}
