using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Kuril.Bot.Replies;
using Kuril.Bot.Replies.Telegram;

namespace Kuril.Bot.Tests.Replies;

public sealed partial class TelegramReplyRendererTests
{
    [Fact]
    public void A_10000_character_answer_is_split_into_messages_within_4096_after_parsing()
    {
        var messages = TelegramReplyRenderer.Render(SampleReplies.Long());

        Assert.True(messages.Count > 2);
        foreach (var message in messages)
        {
            var visible = Parse(message.Text);
            Assert.InRange(visible.Length, 1, TelegramLimits.Text);
            Assert.Equal(visible.Length, TelegramHtml.VisibleLength(message.Text));
        }
    }

    [Fact]
    public void Splits_fall_between_excerpts_never_inside_a_tag_or_an_excerpt()
    {
        var reply = SampleReplies.Long();
        var messages = TelegramReplyRenderer.Render(reply);

        foreach (var message in messages)
        {
            Assert.Equal(Count(message.Text, "<blockquote>"), Count(message.Text, "</blockquote>"));
            Assert.Equal(Count(message.Text, "<b>"), Count(message.Text, "</b>"));
            Assert.Equal(Count(message.Text, "<i>"), Count(message.Text, "</i>"));
            Assert.Equal(Count(message.Text, "<a "), Count(message.Text, "</a>"));
        }

        foreach (var excerpt in reply.Excerpts)
        {
            var escaped = TelegramHtml.Escape(excerpt.Text);
            Assert.Single(messages, m => m.Text.Contains(escaped, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_keyboard_goes_under_the_last_message_with_callback_data_of_at_most_64_bytes()
    {
        var messages = TelegramReplyRenderer.Render(SampleReplies.Long());

        Assert.All(messages.SkipLast(1), m => Assert.Null(m.ReplyMarkup));
        var buttons = messages[^1].ReplyMarkup!.InlineKeyboard.SelectMany(r => r).ToList();
        Assert.Equal(["More", "Context [1]", "Helpful", "Not helpful"], buttons.Select(b => b.Text));
        Assert.All(buttons, b => Assert.True(Encoding.UTF8.GetByteCount(b.CallbackData!) <= TelegramLimits.CallbackDataBytes));
    }

    [Fact]
    public void Markup_in_user_and_corpus_text_is_escaped()
    {
        var message = Assert.Single(TelegramReplyRenderer.Render(SampleReplies.Injection()));

        var withoutOurTags = OurTags().Replace(message.Text, string.Empty);
        Assert.DoesNotContain('<', withoutOurTags);
        Assert.DoesNotContain('>', withoutOurTags);
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt; &lt;/a&gt; &amp;amp;", message.Text, StringComparison.Ordinal);
        Assert.Equal(6, Count(Parse(message.Text), SampleReplies.Hostile)); // everywhere but the label, which is cut to 64
    }

    [Fact]
    public void One_huge_excerpt_is_cut_to_fit_a_message()
    {
        var reply = new Reply("Huge") { Excerpts = [new ReplyExcerpt(1, SampleReplies.Excerpt(1, 10_000), "somewhere")] };

        var messages = TelegramReplyRenderer.Render(reply);

        Assert.All(messages, m => Assert.True(Parse(m.Text).Length <= TelegramLimits.Text));
        Assert.Contains(messages, m => m.Text.Contains(TextLimit.Ellipsis + "</blockquote>", StringComparison.Ordinal));
    }

    // What Telegram shows: tags removed, entities decoded.
    private static string Parse(string html) => WebUtility.HtmlDecode(AnyTag().Replace(html, string.Empty));

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex AnyTag();

    [GeneratedRegex("</?(b|i|blockquote)>|<a href=\"[^\"<>]*\">|</a>")]
    private static partial Regex OurTags();
}
