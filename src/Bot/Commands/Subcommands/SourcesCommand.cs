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
    public Task<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var documents = knowledge.Documents;
        return Task.FromResult(new Reply(string.Create(CultureInfo.InvariantCulture, $"Sources ({documents.Count} documents)"))
        {
            Paragraphs = ["Details of one: /kuril source <id>, e.g. /kuril source " + (documents.Count > 0 ? documents[0].Id : "<id>")],
            Sources = documents.Select(d => CitationText.Source(d, Passages(d), Votes(feedback.CountForDocument(d.Id)))).ToList(),
        });
    }

    /// <summary>"12 passages".</summary>
    public static string Passages(DocumentInfo document) =>
        string.Create(CultureInfo.InvariantCulture, $"{document.PassageCount} passages");

    /// <summary>"3 feedback votes (2 helpful, 1 not)".</summary>
    public static string Votes(VoteCount count) =>
        string.Create(CultureInfo.InvariantCulture, $"{count.Total} feedback votes ({count.Helpful} helpful, {count.NotHelpful} not)");
}
