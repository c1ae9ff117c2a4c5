using System.Globalization;
using System.Text;

namespace Kuril.Bot.Replies;

/// <summary>Renders a reply as plain text for the console chat; buttons become <c>#n</c> choices.</summary>
public static class ConsoleReplyRenderer
{
    /// <summary>The reply as text.</summary>
    public static string Render(Reply reply)
    {
        var text = new StringBuilder();
        text.AppendLine(reply.Title);
        foreach (var paragraph in reply.Paragraphs) text.AppendLine().AppendLine(paragraph);
        if (reply.Excerpts.Count > 0) text.AppendLine();
        foreach (var excerpt in reply.Excerpts)
        {
            text.Append(CultureInfo.InvariantCulture, $"[{excerpt.Number}] ");
            if (excerpt.Label is { } label) text.Append(label).Append(": ");
            if (excerpt.IsQuotation) text.Append('"').Append(excerpt.Text).AppendLine("\"");
            else text.AppendLine(excerpt.Text);
            text.Append("    — ").AppendLine(excerpt.Citation);
            foreach (var source in excerpt.Sources) text.Append("      source: ").AppendLine(SourceLine(source));
        }

        if (reply.Sources.Count > 0) text.AppendLine().AppendLine("Sources:");
        foreach (var source in reply.Sources) text.Append("  • ").AppendLine(SourceLine(source));

        if (reply.Buttons.Count > 0)
        {
            text.AppendLine().Append("Buttons: ")
                .AppendJoin(" · ", reply.Buttons.Select((b, i) => string.Create(CultureInfo.InvariantCulture, $"#{i + 1} {b.Label}")))
                .AppendLine(" (type #n to press)");
        }

        return text.ToString().TrimEnd();
    }

    private static string SourceLine(ReplySource source)
    {
        var parts = new List<string>(3) { source.Title };
        if (source.Details.Length > 0) parts.Add(source.Details);
        if (source.Url is { } url) parts.Add(url.AbsoluteUri);
        return string.Join(" — ", parts);
    }
}
