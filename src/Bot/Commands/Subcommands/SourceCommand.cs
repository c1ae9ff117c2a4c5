using Kuril.Bot.Feedback;
using Kuril.Bot.Replies;
using Kuril.Knowledge.Answers;

namespace Kuril.Bot.Commands.Subcommands;

/// <summary><c>source &lt;id&gt;</c>: one document's details and its first passage.</summary>
public sealed class SourceCommand(IKnowledgeBase knowledge, FeedbackStore feedback) : IKurilCommand
{
    /// <summary>Name, parameters and example.</summary>
    public static readonly CommandDescriptor Info = new("source", "<id>", "one document's details", "/kuril source putin-deal-needs-public-support");

    /// <inheritdoc />
    public CommandDescriptor Descriptor => Info;

    /// <inheritdoc />
    public async Task<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var known = "Known ids: " + string.Join(", ", knowledge.Documents.Select(d => d.Id)) + ".";
        if (request.Arguments.Length == 0) return Reply.Message("Which source?", "For example: " + Info.Example, known);
        if (knowledge.FindDocument(request.Arguments) is not { } document)
        {
            return Reply.Message("No such source", $"I know no source “{TextLimit.Truncate(request.Arguments, 60)}”.", known);
        }

        var paragraphs = new List<string> { "Id: " + document.Id, "Kind: " + document.Kind };
        if (document.Publisher is { } publisher) paragraphs.Add("Publisher: " + publisher);
        if (document.Published is { } published) paragraphs.Add("Published: " + CitationText.Date(published));
        if (document.Url is { } url) paragraphs.Add("URL: " + url.AbsoluteUri);
        paragraphs.Add("Indexed: " + SourcesCommand.Passages(document));
        paragraphs.Add("Feedback: " + SourcesCommand.Votes(await feedback.CountForDocumentAsync(document.Id, cancellationToken)) + " on answers quoting it");
        var passages = knowledge.GetPassages(document.Id);
        var first = passages.Count > 0 ? passages[0] : null;
        if (first is not null) paragraphs.Add("Its first passage:");
        return new Reply(document.Title)
        {
            Paragraphs = paragraphs,
            Excerpts = first is null ? [] : [new ReplyExcerpt(1, first.Text, CitationText.Line(knowledge.Cite(first)))],
        };
    }
}
