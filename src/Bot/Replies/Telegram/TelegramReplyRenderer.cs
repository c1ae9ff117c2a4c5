using System.Globalization;
using System.Text;
using Telegram.Bot.Types.ReplyMarkups;

namespace Kuril.Bot.Replies.Telegram;

/// <summary>
/// Renders a reply as Telegram HTML messages. A reply longer than one message is split between blocks (title,
/// paragraph, excerpt, source line), never inside a tag or an excerpt; the keyboard goes under the last message.
/// </summary>
public static class TelegramReplyRenderer
{
    private const string Separator = "\n\n";

    // A summary's sources are listed under it, each cut short, so that the excerpt still fits one message.
    private const int MaxSummarySources = 4;
    private const int MaxSourcePart = 150;
    private const int MaxSummaryText = 2000;

    /// <summary>The messages, in order; at least one.</summary>
    public static IReadOnlyList<TelegramMessage> Render(Reply reply)
    {
        var messages = new List<string>();
        var current = new StringBuilder();
        var currentLength = 0;
        foreach (var (html, length) in Blocks(reply))
        {
            var added = (current.Length == 0 ? 0 : Separator.Length) + length;
            if (current.Length > 0 && currentLength + added > TelegramLimits.Text)
            {
                messages.Add(current.ToString());
                current.Clear();
                currentLength = 0;
                added = length;
            }

            if (current.Length > 0) current.Append(Separator);
            current.Append(html);
            currentLength += added;
        }

        if (current.Length > 0) messages.Add(current.ToString());
        var keyboard = Keyboard(reply);
        return messages.Select((text, i) => new TelegramMessage(text, i == messages.Count - 1 ? keyboard : null)).ToList();
    }

    // Each block is built from text cut to fit, so its visible length is known without parsing and stays under the limit.
    private static IEnumerable<(string Html, int Length)> Blocks(Reply reply)
    {
        var title = TextLimit.Truncate(reply.Title, 256);
        yield return ("<b>" + TelegramHtml.Escape(title) + "</b>", title.Length);
        foreach (var paragraph in reply.Paragraphs)
        {
            var text = TextLimit.Truncate(paragraph, TelegramLimits.ExcerptText);
            yield return (TelegramHtml.Escape(text), text.Length);
        }

        foreach (var excerpt in reply.Excerpts)
        {
            var number = string.Create(CultureInfo.InvariantCulture, $"[{excerpt.Number}]");
            var label = excerpt.Label is { } l ? " " + TextLimit.Truncate(l, 64) + ":" : string.Empty;
            var quote = TextLimit.Truncate(excerpt.Text, excerpt.IsQuotation ? TelegramLimits.ExcerptText : MaxSummaryText);
            var citation = "— " + TextLimit.Truncate(excerpt.Citation, 400);
            var shown = Highlighting.Apply(excerpt.Text, excerpt.Highlights, excerpt.IsQuotation ? TelegramLimits.ExcerptText : MaxSummaryText, TelegramHtml.Escape, "<b>", "</b>");
            var body = excerpt.IsQuotation ? $"<blockquote>{shown}</blockquote>" : shown;
            var cited = excerpt.Link is { } link ? $"— <a href=\"{TelegramHtml.Escape(link.AbsoluteUri)}\">{TelegramHtml.Escape(citation[2..])}</a>" : TelegramHtml.Escape(citation);
            var html = new StringBuilder($"<b>{number}{TelegramHtml.Escape(label)}</b>\n{body}\n<i>{cited}</i>");
            var length = number.Length + label.Length + 1 + quote.Length + 1 + citation.Length;
            foreach (var source in excerpt.Sources.Take(MaxSummarySources))
            {
                var (sourceHtml, sourceLength) = SourceLine(source, "↳ ", MaxSourcePart);
                html.Append('\n').Append(sourceHtml);
                length += 1 + sourceLength;
            }

            yield return (html.ToString(), length);
        }

        if (reply.Sources.Count > 0) yield return ("<b>Sources</b>", "Sources".Length);
        foreach (var source in reply.Sources) yield return SourceLine(source, "• ", 300, 600);
    }

    // A source as a link named by its title, then its details; the length counted is the visible text's.
    private static (string Html, int Length) SourceLine(ReplySource source, string bullet, int maxTitle, int? maxDetails = null)
    {
        var title = TextLimit.Truncate(source.Title, maxTitle);
        var details = source.Details.Length > 0 ? " — " + TextLimit.Truncate(source.Details, maxDetails ?? maxTitle) : string.Empty;
        var link = source.Url is { } url
            ? $"<a href=\"{TelegramHtml.Escape(url.AbsoluteUri)}\">{TelegramHtml.Escape(title)}</a>"
            : TelegramHtml.Escape(title);
        return (bullet + link + TelegramHtml.Escape(details), bullet.Length + title.Length + details.Length);
    }

    private static InlineKeyboardMarkup? Keyboard(Reply reply)
    {
        var rows = ButtonRows.Arrange(reply.Buttons)
            .Select(row => row
                .Where(b => Encoding.UTF8.GetByteCount(b.Token) <= TelegramLimits.CallbackDataBytes)
                .Select(b => InlineKeyboardButton.WithCallbackData(b.Label, b.Token))
                .ToList())
            .Where(row => row.Count > 0)
            .ToList();
        return rows.Count == 0 ? null : new InlineKeyboardMarkup(rows);
    }
}
