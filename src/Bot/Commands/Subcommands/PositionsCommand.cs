using System.Globalization;
using Kuril.Bot.Feedback;
using Kuril.Bot.Replies;
using Kuril.Knowledge.Answers;
using Kuril.Knowledge.Hosting;
using Kuril.Knowledge.Positions;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Commands.Subcommands;

/// <summary>
/// <c>positions [topic]</c>: each side's position, side by side, every point a cited passage. Which side a passage
/// states comes from the rules in <c>corpus/positions.yaml</c>; passages stating neither are left out.
/// </summary>
public sealed class PositionsCommand(
    IKnowledgeBase knowledge,
    AnswerStore answers,
    TimeProvider time,
    IOptions<KnowledgeOptions> knowledgeOptions,
    IOptions<CommandOptions> options) : IKurilCommand
{
    /// <summary>Name, parameters and example.</summary>
    public static readonly CommandDescriptor Info = new("positions", "[topic]", "Japan's and Russia's positions side by side, cited", "/kuril positions Yalta");

    // The most passages a topic search looks through for stated positions.
    private const int TopicCandidates = 50;

    /// <inheritdoc />
    public CommandDescriptor Descriptor => Info;

    /// <inheritdoc />
    public async Task<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var rules = PositionRules.Load(knowledgeOptions.Value.CorpusPath);
        if (rules.Sides.Count == 0)
        {
            return Reply.Message("No positions yet", $"There are no position rules ({PositionRules.FileName}) next to the corpus.");
        }

        var topic = request.Arguments;
        IEnumerable<(string Text, Citation Citation)> candidates;
        if (topic.Length == 0)
        {
            candidates = knowledge.Documents.SelectMany(d => knowledge.GetPassages(d.Id)).Select(p => (p.Text, knowledge.Cite(p)));
        }
        else
        {
            var found = knowledge.Ask(topic, TopicCandidates);
            if (found.Abstained || found.Excerpts.Count == 0)
            {
                return Reply.Message("Positions on " + AnswerReplyBuilder.Quote(topic), AnswerReplyBuilder.AbstentionText);
            }

            candidates = found.Excerpts.Select(e => (e.Text, e.Citation));
        }

        var perSide = rules.Sides.ToDictionary(s => s.Id, _ => new List<(string Text, Citation Citation)>(), StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            if (rules.Classify(candidate.Text) is { } side && perSide[side.Id].Count < options.Value.PositionsPerSide)
            {
                perSide[side.Id].Add(candidate);
            }
        }

        // Side by side: the first point of each side, then the second of each, and so on.
        var shown = new List<(PositionSide Side, string Text, Citation Citation)>();
        for (var i = 0; i < options.Value.PositionsPerSide; i++)
        {
            foreach (var side in rules.Sides)
            {
                if (i < perSide[side.Id].Count) shown.Add((side, perSide[side.Id][i].Text, perSide[side.Id][i].Citation));
            }
        }

        var title = topic.Length == 0 ? "Positions: " + string.Join(" vs ", rules.Sides.Select(s => s.Name)) : "Positions on " + AnswerReplyBuilder.Quote(topic);
        var paragraphs = new List<string> { "Each point is a passage from the sources that states one side's position." };
        paragraphs.AddRange(rules.Sides.Where(s => perSide[s.Id].Count == 0).Select(s => $"No passage in the sources states {s.Name}'s position on this."));
        if (shown.Count == 0 && topic.Length > 0) paragraphs.Add("Try a broader topic, or /kuril positions without one.");
        var stored = await answers.SaveAsync(new StoredAnswer(
            0,
            AnswerKind.Positions,
            "positions " + topic,
            0,
            shown.Select(s => new ExcerptKey(s.Citation.DocumentId, s.Citation.PassageOrdinal)).ToList(),
            request.Platform,
            time.GetUtcNow()), request.UserId, cancellationToken);
        var buttons = shown.Take(ButtonRows.PerRow)
            .Select((_, i) => new ReplyButton(string.Create(CultureInfo.InvariantCulture, $"Context [{i + 1}]"), new ButtonToken(ButtonAction.Context, stored.Id, i).ToString()))
            .Append(new ReplyButton("Helpful", new ButtonToken(ButtonAction.Helpful, stored.Id).ToString()))
            .Append(new ReplyButton("Not helpful", new ButtonToken(ButtonAction.NotHelpful, stored.Id).ToString()))
            .ToList();
        return new Reply(title)
        {
            Paragraphs = paragraphs,
            Excerpts = shown.Select((s, i) => new ReplyExcerpt(i + 1, s.Text, CitationText.Line(s.Citation), s.Side.Name)).ToList(),
            Sources = AnswerReplyBuilder.SourcesOf(shown.Select(s => s.Citation)),
            Buttons = buttons,
        };
    }
}
