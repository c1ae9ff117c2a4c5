using System.Globalization;
using System.Text;

namespace Kuril.Bot.Replies.Discord;

/// <summary>
/// Renders a reply as Discord messages: markdown embeds packed within Discord's limits, as many messages as the
/// text needs (the first is the interaction response, the rest follow-ups), the buttons under the last.
/// </summary>
public static class DiscordReplyRenderer
{
    private const string Separator = "\n\n";

    // A summary's sources are listed under it, each cut short, so that the excerpt still fits one embed.
    private const int MaxSummarySources = 4;
    private const int MaxSourceLine = 600;

    /// <summary>The messages, in order; at least one.</summary>
    public static IReadOnlyList<DiscordMessage> Render(Reply reply)
    {
        var messages = new List<DiscordMessage>();
        var embeds = new List<DiscordEmbed>();
        var messageLength = 0;
        string? title = TextLimit.Truncate(DiscordMarkdown.Escape(reply.Title), DiscordLimits.EmbedTitle);
        var description = new StringBuilder();

        void CloseEmbed()
        {
            if (description.Length == 0 && title is null) return;
            var embed = new DiscordEmbed(title, description.ToString());
            embeds.Add(embed);
            messageLength += embed.Length;
            title = null;
            description.Clear();
        }

        void CloseMessage()
        {
            CloseEmbed();
            if (embeds.Count == 0) return;
            messages.Add(new DiscordMessage(null, embeds.ToList(), DiscordAllowedMentions.None, []));
            embeds.Clear();
            messageLength = 0;
        }

        foreach (var block in Blocks(reply))
        {
            var added = (description.Length == 0 ? 0 : Separator.Length) + block.Length;
            if (description.Length + added > DiscordLimits.EmbedDescription) CloseEmbed();
            var pending = (title?.Length ?? 0) + description.Length;
            added = (description.Length == 0 ? 0 : Separator.Length) + block.Length;
            if (messageLength + pending + added > DiscordLimits.EmbedsTotal
                || (description.Length == 0 && title is null && embeds.Count == DiscordLimits.EmbedsPerMessage))
            {
                CloseMessage();
            }

            if (description.Length > 0) description.Append(Separator);
            description.Append(block);
        }

        CloseMessage();
        if (messages.Count == 0) messages.Add(new DiscordMessage(null, [new DiscordEmbed(title, "…")], DiscordAllowedMentions.None, []));
        messages[^1] = messages[^1] with { Components = Components(reply) };
        return reply.ForRequesterOnly ? messages.Select(m => m with { Flags = DiscordMessage.EphemeralFlag }).ToList() : messages;
    }

    // Each block fits one embed description on its own, so packing never has to split one.
    private static IEnumerable<string> Blocks(Reply reply)
    {
        foreach (var paragraph in reply.Paragraphs) yield return Fit(DiscordMarkdown.Escape(paragraph));
        foreach (var excerpt in reply.Excerpts)
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"**[{excerpt.Number}]** ");
            if (excerpt.Label is { } label) text.Append("**").Append(DiscordMarkdown.Escape(label)).Append(":** ");
            var start = text.Length;
            AppendBody(text, Highlighting.Apply(excerpt.Text, excerpt.Highlights, DiscordLimits.EmbedDescription, DiscordMarkdown.Escape, "**", "**"), excerpt);
            if (text.Length > DiscordLimits.EmbedDescription && excerpt.Highlights.Count > 0)
            {
                // Cutting bold text could leave a ** open: a block too long for an embed is quoted without bold.
                text.Length = start;
                AppendBody(text, DiscordMarkdown.Escape(excerpt.Text), excerpt);
            }

            yield return Fit(text.ToString());
        }

        if (reply.Sources.Count > 0) yield return "**Sources**";
        foreach (var source in reply.Sources) yield return Fit("• " + SourceLine(source));
    }

    private static void AppendBody(StringBuilder text, string body, ReplyExcerpt excerpt)
    {
        text.Append(excerpt.IsQuotation ? '"' + body + '"' : body);
        var citation = DiscordMarkdown.Escape(excerpt.Citation);
        text.Append("\n— *").Append(excerpt.Link is { } link ? $"[{citation}]({LinkTarget(link)})" : citation).Append('*');
        foreach (var source in excerpt.Sources.Take(MaxSummarySources))
        {
            text.Append("\n↳ ").Append(TextLimit.Truncate(SourceLine(source), MaxSourceLine));
        }
    }

    private static string SourceLine(ReplySource source)
    {
        var line = "**" + DiscordMarkdown.Escape(source.Title) + "**";
        if (source.Details.Length > 0) line += " — " + DiscordMarkdown.Escape(source.Details);
        if (source.Url is { } url) line += " — <" + DiscordMarkdown.NeutraliseMentions(url.AbsoluteUri) + ">";
        return line;
    }

    // A masked link's target ends at the first ')'; a document id may hold one.
    private static string LinkTarget(Uri link) => DiscordMarkdown.NeutraliseMentions(link.AbsoluteUri.Replace(")", "%29", StringComparison.Ordinal));

    private static string Fit(string block) => TextLimit.Truncate(block, DiscordLimits.EmbedDescription);

    // A reply that can be followed up gets a "Follow up" button beside the feedback ones (a row of its own if that
    // one is full); the adapter answers it with a form rather than a press.
    private static List<DiscordActionRow> Components(Reply reply)
    {
        var rows = ButtonRows.Arrange(reply.Buttons)
            .Take(DiscordLimits.ActionRows)
            .Select(row => row.Select(ToButton).ToList())
            .ToList();
        if (reply.CanFollowUp)
        {
            var followUp = new DiscordButton(1, DiscordFollowUp.ButtonLabel, DiscordFollowUp.ButtonId);
            if (rows.Count > 0 && rows[^1].Count < ButtonRows.PerRow) rows[^1].Add(followUp);
            else if (rows.Count < DiscordLimits.ActionRows) rows.Add([followUp]);
        }

        return rows.ConvertAll(row => new DiscordActionRow(row));
    }

    private static DiscordButton ToButton(ReplyButton button)
    {
        var style = ButtonToken.TryParse(button.Token, out var token)
            ? token.Action switch
            {
                ButtonAction.More => 1,
                ButtonAction.Helpful => 3,
                ButtonAction.NotHelpful => 4,
                _ => 2,
            }
            : 2;
        return new DiscordButton(style, TextLimit.Truncate(button.Label, DiscordLimits.ButtonLabel), button.Token);
    }
}
