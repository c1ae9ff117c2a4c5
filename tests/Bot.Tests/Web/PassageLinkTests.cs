using Kuril.Bot.Replies;
using Kuril.Bot.Replies.Discord;
using Kuril.Bot.Replies.Telegram;
using Kuril.Bot.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Kuril.Bot.Tests.Web;

/// <summary>With <c>Web:PublicUrl</c> set, every quotation in a reply links to its passage, on every platform.</summary>
public sealed class PassageLinkTests
{
    private const string Deported = "How many Japanese civilians were deported from the Kurils?";
    private static readonly Uri Link = new("https://kuril.example.org/sources/kuril-collected-excerpts#p69");

    [Fact]
    public async Task An_answer_links_each_quotation_to_its_passage()
    {
        using var bot = new TestBot(configure: s => s.Configure<WebOptions>(o => o.PublicUrl = "https://kuril.example.org"));

        var reply = await bot.RunAsync("ask", Deported);

        Assert.NotEmpty(reply.Excerpts);
        foreach (var excerpt in reply.Excerpts)
        {
            if (!excerpt.IsQuotation)
            {
                Assert.Null(excerpt.Link); // a summary has no page of its own; its sources are listed under it
                continue;
            }

            var number = excerpt.Citation.Split("passage ")[1].Split(' ')[0];
            Assert.Equal("https://kuril.example.org/sources/kuril-collected-excerpts#p" + number, excerpt.Link?.AbsoluteUri);
        }

        Assert.Equal(Link, reply.Excerpts[0].Link);
    }

    [Fact]
    public async Task Without_a_public_url_replies_carry_no_link()
    {
        using var bot = new TestBot();

        var reply = await bot.RunAsync("ask", Deported);

        Assert.NotEmpty(reply.Excerpts);
        Assert.All(reply.Excerpts, e => Assert.Null(e.Link));
    }

    [Fact]
    public void Discord_links_the_citation()
    {
        var text = string.Join('\n', DiscordReplyRenderer.Render(Linked()).SelectMany(m => m.Embeds).Select(e => e.Description));

        Assert.Contains("— *[Collected excerpts, passage 69 of 144](" + Link.AbsoluteUri + ")*", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Discord_keeps_a_link_whole_when_the_document_id_holds_a_parenthesis()
    {
        var reply = new Reply("q") { Excerpts = [new ReplyExcerpt(1, "Text", "Notes (1956)") { Link = new Uri("https://kuril.example.org/sources/notes(1956)#p1") }] };

        var text = DiscordReplyRenderer.Render(reply)[0].Embeds.Single(e => e.Description.Contains("Text", StringComparison.Ordinal)).Description;

        Assert.Contains("](https://kuril.example.org/sources/notes(1956%29#p1)*", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Telegram_links_the_citation()
    {
        var html = string.Join('\n', TelegramReplyRenderer.Render(Linked()).Select(m => m.Text));

        Assert.Contains("<i>— <a href=\"" + Link.AbsoluteUri + "\">Collected excerpts, passage 69 of 144</a></i>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_console_prints_the_link_under_the_citation()
    {
        var text = ConsoleReplyRenderer.Render(Linked());

        Assert.Contains("    — Collected excerpts, passage 69 of 144\n      " + Link.AbsoluteUri, text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    private static Reply Linked() =>
        new("“q”") { Excerpts = [new ReplyExcerpt(1, "17,000 Japanese civilian residents were deported", "Collected excerpts, passage 69 of 144") { Link = Link }] };
}
