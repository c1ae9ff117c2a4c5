using System.Text.Json;
using Kuril.Bot.Replies;
using Kuril.Bot.Replies.Discord;

namespace Kuril.Bot.Tests.Replies;

public sealed class DiscordReplyRendererTests
{
    [Fact]
    public void A_10000_character_answer_stays_within_every_discord_limit()
    {
        Assert.True(SampleReplies.LongTextLength >= 10_000);

        var messages = DiscordReplyRenderer.Render(SampleReplies.Long());

        Assert.True(messages.Count > 1);
        foreach (var message in messages)
        {
            Assert.True((message.Content?.Length ?? 0) <= DiscordLimits.Content);
            Assert.InRange(message.Embeds.Count, 1, DiscordLimits.EmbedsPerMessage);
            Assert.True(message.Embeds.Sum(e => e.Length) <= DiscordLimits.EmbedsTotal, $"embeds total {message.Embeds.Sum(e => e.Length)}");
            Assert.All(message.Embeds, e => Assert.True(e.Description.Length <= DiscordLimits.EmbedDescription));
            Assert.All(message.Embeds, e => Assert.True((e.Title?.Length ?? 0) <= DiscordLimits.EmbedTitle));
            Assert.Empty(message.AllowedMentions.Parse);
        }

        var all = string.Join("\n", messages.SelectMany(m => m.Embeds).Select(e => e.Description));
        for (var n = 1; n <= 12; n++)
        {
            Assert.Single(messages.SelectMany(m => m.Embeds), e => e.Description.Contains($"**[{n}]**", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(all, c => char.IsSurrogate(c) && !IsPaired(all, all.IndexOf(c, StringComparison.Ordinal)));
    }

    [Fact]
    public void Buttons_go_under_the_last_message_within_discord_limits()
    {
        var messages = DiscordReplyRenderer.Render(SampleReplies.Long());

        Assert.All(messages.SkipLast(1), m => Assert.Empty(m.Components));
        var rows = messages[^1].Components;
        Assert.InRange(rows.Count, 1, DiscordLimits.ActionRows);
        var buttons = rows.SelectMany(r => r.Components).ToList();
        Assert.Equal(4, buttons.Count);
        Assert.All(rows, r => Assert.InRange(r.Components.Count, 1, 5));
        Assert.All(buttons, b => Assert.True(b.CustomId.Length <= DiscordLimits.CustomId));
        Assert.All(buttons, b => Assert.True(ButtonToken.TryParse(b.CustomId, out _)));
    }

    [Fact]
    public void One_huge_excerpt_is_cut_to_fit_an_embed()
    {
        var reply = new Reply("Huge") { Excerpts = [new ReplyExcerpt(1, SampleReplies.Excerpt(1, 10_000), "somewhere")] };

        var messages = DiscordReplyRenderer.Render(reply);

        Assert.All(messages.SelectMany(m => m.Embeds), e => Assert.True(e.Description.Length <= DiscordLimits.EmbedDescription));
        Assert.Contains(messages.SelectMany(m => m.Embeds), e => e.Description.EndsWith(TextLimit.Ellipsis, StringComparison.Ordinal));
    }

    [Fact]
    public void Markup_and_mentions_in_user_and_corpus_text_are_inert()
    {
        var messages = DiscordReplyRenderer.Render(SampleReplies.Injection());
        var embed = Assert.Single(Assert.Single(messages).Embeds);
        var everything = embed.Title + "\n" + embed.Description;

        Assert.DoesNotContain("@everyone", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("@here", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("<@&123>", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("<@456>", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("[link](", everything, StringComparison.Ordinal);
        Assert.Contains(@"\*\_\[link\]\(http://x\)\~ \`code\` \|spoiler\| \> quote", everything, StringComparison.Ordinal);

        // Removing the escapes gives back exactly what was written.
        Assert.Contains(SampleReplies.Hostile, Unescape(embed.Title!), StringComparison.Ordinal);
        Assert.Equal(6, CountOf(Unescape(embed.Description), SampleReplies.Hostile));
        Assert.Empty(Assert.Single(messages).AllowedMentions.Parse);
    }

    [Fact]
    public void Allowed_mentions_serialise_as_parse_nothing()
    {
        var json = JsonSerializer.Serialize(DiscordReplyRenderer.Render(SampleReplies.Injection())[0]);

        Assert.Contains("\"allowed_mentions\":{\"parse\":[]}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Notices_for_the_requester_are_ephemeral_and_answers_are_not()
    {
        var notice = Assert.Single(DiscordReplyRenderer.Render(Reply.Message("Slow down", "try again in 3 s")));
        var answers = DiscordReplyRenderer.Render(SampleReplies.Long());

        Assert.Equal(DiscordMessage.EphemeralFlag, notice.Flags);
        Assert.Contains("\"flags\":64", JsonSerializer.Serialize(notice), StringComparison.Ordinal);
        Assert.All(answers, m => Assert.Null(m.Flags));
    }

    private static string Unescape(string markdown)
    {
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < markdown.Length; i++)
        {
            if (markdown[i] == '\\' && i + 1 < markdown.Length) i++;
            else if (markdown[i] == '\u200B') continue;
            text.Append(markdown[i]);
        }

        return text.ToString();
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    private static bool IsPaired(string text, int at) =>
        char.IsHighSurrogate(text[at]) ? at + 1 < text.Length && char.IsLowSurrogate(text[at + 1]) : at > 0 && char.IsHighSurrogate(text[at - 1]);
}
