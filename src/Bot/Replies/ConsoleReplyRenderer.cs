using System.Globalization;
using System.Text;

namespace Kuril.Bot.Replies;

/// <summary>Renders a reply as plain text for the console chat; buttons become <c>#n</c> choices.</summary>
public static class ConsoleReplyRenderer
{
    /// <summary>Turns bold on, in a terminal's escape codes (SGR 1).</summary>
    public const string BoldOn = "\e[1m";

    /// <summary>Turns bold off (SGR 22).</summary>
    public const string BoldOff = "\e[22m";

    /// <summary>The reply as text.</summary>
    /// <param name="reply">The reply.</param>
    /// <param name="bold">
    /// Whether the output is a terminal: matched words are then shown in bold, and control characters in quoted
    /// text are dropped so that none can change the terminal's state. Piped output stays plain.
    /// </param>
    public static string Render(Reply reply, bool bold = false)
    {
        var text = new StringBuilder();
        text.AppendLine(reply.Title);
        foreach (var paragraph in reply.Paragraphs) text.AppendLine().AppendLine(paragraph);
        if (reply.Excerpts.Count > 0) text.AppendLine();
        foreach (var excerpt in reply.Excerpts)
        {
            text.Append(CultureInfo.InvariantCulture, $"[{excerpt.Number}] ");
            if (excerpt.Label is { } label) text.Append(label).Append(": ");
            var shown = bold ? Highlighting.Apply(excerpt.Text, excerpt.Highlights, int.MaxValue, WithoutControls, BoldOn, BoldOff) : excerpt.Text;
            if (excerpt.IsQuotation) text.Append('"').Append(shown).AppendLine("\"");
            else text.AppendLine(shown);
            text.Append("    — ").AppendLine(excerpt.Citation);
            if (excerpt.Link is { } link) text.Append("      ").AppendLine(link.AbsoluteUri);
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

    private static string WithoutControls(string text) => string.Concat(text.Where(c => !char.IsControl(c) || c is '\n' or '\t'));

    private static string SourceLine(ReplySource source)
    {
        var parts = new List<string>(3) { source.Title };
        if (source.Details.Length > 0) parts.Add(source.Details);
        if (source.Url is { } url) parts.Add(url.AbsoluteUri);
        return string.Join(" — ", parts);
    }
}
