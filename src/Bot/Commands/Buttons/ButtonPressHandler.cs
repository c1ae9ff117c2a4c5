using System.Globalization;
using Kuril.Bot.Conversations;
using Kuril.Bot.Feedback;
using Kuril.Bot.Replies;
using Kuril.Knowledge.Answers;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Commands.Buttons;

/// <summary>Handles presses on More, Context, Helpful and Not helpful, from the answer stored under the token.</summary>
public sealed class ButtonPressHandler(
    IKnowledgeBase knowledge,
    AnswerStore answers,
    FeedbackStore feedback,
    AnswerReplyBuilder builder,
    IOptions<CommandOptions> options)
{
    /// <summary>Handles a press.</summary>
    public async Task<Reply> HandleAsync(ButtonRequest request, ButtonToken token, CancellationToken cancellationToken)
    {
        if (await answers.FindAsync(token.AnswerId, cancellationToken) is not { } answer)
        {
            return Reply.Message("That answer has expired", "Ask again with /kuril ask <question>.");
        }

        return token.Action switch
        {
            ButtonAction.More => await MoreAsync(request, answer, cancellationToken),
            ButtonAction.Context => Context(answer, token.Index),
            ButtonAction.Helpful => await VoteAsync(request, answer, VoteVerdict.Helpful, cancellationToken),
            _ => await VoteAsync(request, answer, VoteVerdict.NotHelpful, cancellationToken),
        };
    }

    private async Task<Reply> MoreAsync(ButtonRequest request, StoredAnswer answer, CancellationToken cancellationToken)
    {
        if (answer.Kind == AnswerKind.Positions) return Reply.Message("Nothing more", "Try /kuril positions <topic> to narrow the positions down.");
        var offset = answer.Offset + answer.Excerpts.Count;
        var next = answer.Context is { } context ? knowledge.AskFollowUp(answer.Question, context, null, offset) : knowledge.Ask(answer.Question, null, offset);
        if (next.Abstained || next.Excerpts.Count == 0)
        {
            return Reply.Message(
                "That's all",
                string.Create(CultureInfo.InvariantCulture, $"No more excerpts for {AnswerReplyBuilder.Quote(answer.Question)}: all {next.TotalExcerpts} have been shown."));
        }

        return await builder.BuildAsync(answer.Kind, request.Platform, request.UserId, new AskedText(answer.Question, answer.Context), next, "More on " + AnswerReplyBuilder.Quote(answer.Question), [], cancellationToken);
    }

    private Reply Context(StoredAnswer answer, int index)
    {
        if (index < 0 || index >= answer.Excerpts.Count) return Reply.Message("No such excerpt", "That button does not match an excerpt of the answer.");
        var key = answer.Excerpts[index];
        if (knowledge.GetContext(key.DocumentId, key.Ordinal, options.Value.ContextRadius) is not { } context)
        {
            return Reply.Message("That passage is gone", "The sources changed since this answer; ask again for fresh excerpts.");
        }

        return new Reply(string.Create(CultureInfo.InvariantCulture, $"Context of excerpt [{answer.Offset + index + 1}]"))
        {
            Paragraphs = [string.Create(CultureInfo.InvariantCulture, $"The cited passage with up to {options.Value.ContextRadius} passage(s) either side, from “{context.Document.Title}”:")],
            Excerpts = context.Passages
                .Select((p, i) => new ReplyExcerpt(i + 1, p.Text, CitationText.Line(knowledge.Cite(p)), p.Ordinal == context.CitedOrdinal ? "cited" : null))
                .ToList(),
            Sources = [CitationText.Source(context.Document)],
        };
    }

    private async Task<Reply> VoteAsync(ButtonRequest request, StoredAnswer answer, VoteVerdict verdict, CancellationToken cancellationToken) =>
        await feedback.VoteAsync(answer, request.Platform, request.UserId, verdict, cancellationToken)
            ? Reply.Message("Thanks for the feedback", verdict == VoteVerdict.Helpful ? "Glad it helped; your vote is counted." : "Sorry it didn't help; your vote is counted and helps improve the sources.")
            : Reply.Message("Already counted", "You have already voted on this answer; each person's vote counts once.");
}
