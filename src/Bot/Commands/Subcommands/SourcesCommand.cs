using System.Globalization;
using Kuril.Bot.Feedback;
using Kuril.Bot.Replies;
using Kuril.Knowledge.Answers;

namespace Kuril.Bot.Commands.Subcommands;

/// <summary><c>sources</c>: the documents the bot knows, with passage and feedback counts.</summary>
public sealed class SourcesCommand(IKnowledgeBase knowledge, FeedbackStore feedback) : IKurilCommand
{
    /// <summary>Name, parameters and example.</summary>
    public static readonly CommandDescriptor Info = new("sources", string.Empty, "the documents I quote, with passage and feedback counts", "/kuril sources");

    /// <inheritdoc />
    public CommandDescriptor Descriptor => Info;

    /// <inheritdoc />
    public async Task<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var documents = knowledge.Documents;
        var sources = new List<ReplySource>(documents.Count);
        foreach (var document in documents)
        {
            sources.Add(CitationText.Source(document, Passages(document), Votes(await feedback.CountForDocumentAsync(document.Id, cancellationToken))));
        }

        return new Reply(string.Create(CultureInfo.InvariantCulture, $"Sources ({documents.Count} documents)"))
        {
            Paragraphs = ["Details of one: /kuril source <id>, e.g. /kuril source " + (documents.Count > 0 ? documents[0].Id : "<id>")],
            Sources = sources,
        };
    }

    /// <summary>"12 passages".</summary>
    public static string Passages(DocumentInfo document) =>
        string.Create(CultureInfo.InvariantCulture, $"{document.PassageCount} passages");

    /// <summary>"3 feedback votes (2 helpful, 1 not)".</summary>
    public static string Votes(VoteCount count) =>
        string.Create(CultureInfo.InvariantCulture, $"{count.Total} feedback votes ({count.Helpful} helpful, {count.NotHelpful} not)");
}
