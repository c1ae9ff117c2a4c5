using System.Globalization;
using System.Text;
using Kuril.Knowledge.Answers;

namespace Kuril.Bot.Terminal;

/// <summary>Renders an answer as plain text with numbered, cited excerpts.</summary>
public static class PlainTextAnswerRenderer
{
    /// <summary>What an abstention says.</summary>
    public const string AbstentionText = Commands.AnswerReplyBuilder.AbstentionText;

    /// <summary>Renders an answer; each quotation's passage link follows its citation when <paramref name="links"/> has a site to link to.</summary>
    public static string Render(Answer answer, Web.PassageLinks? links = null)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Abstained || answer.Excerpts.Count == 0) return AbstentionText;
        var text = new StringBuilder();
        if (answer.Corrections.Count > 0) text.AppendLine(Commands.AnswerReplyBuilder.ShowingResultsFor(answer)).AppendLine();
        foreach (var excerpt in answer.Excerpts)
        {
            if (excerpt.Kind == ExcerptKind.Document)
            {
                text.Append(CultureInfo.InvariantCulture, $"[{excerpt.Rank}] \"{excerpt.Text}\"").AppendLine();
                text.Append("    — ").AppendLine(Cite(excerpt.Citation));
                if (links?.For(excerpt) is { } link) text.Append("      ").AppendLine(link.AbsoluteUri);
                continue;
            }

            // The project's own words are not a quotation: labelled, unquoted, with what attests them.
            var shown = Replies.CitationText.Excerpt(excerpt);
            text.Append(CultureInfo.InvariantCulture, $"[{excerpt.Rank}] {shown.Label}: {excerpt.Text}").AppendLine();
            text.Append("    — ").AppendLine(shown.Citation);
            foreach (var source in excerpt.Sources) text.Append("      source: ").AppendLine(source.ToString());
        }

        if (answer.HasMore)
        {
            text.Append(CultureInfo.InvariantCulture, $"({answer.TotalExcerpts - answer.Excerpts[^1].Rank} more excerpts)").AppendLine();
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>A one-line citation: title, publisher, date, url and place in the document.</summary>
    public static string Cite(Citation citation)
    {
        ArgumentNullException.ThrowIfNull(citation);
        var parts = new List<string> { citation.Title };
        if (citation.Publisher is { } publisher) parts.Add(publisher);
        if (citation.Published is { } published) parts.Add(published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        parts.Add(string.Create(CultureInfo.InvariantCulture, $"passage {citation.PassageOrdinal + 1} of {citation.PassageCount}, line {citation.SourceLine} of {citation.DocumentId}"));
        if (citation.Url is { } url) parts.Add(url.ToString());
        return string.Join(", ", parts);
    }
}
