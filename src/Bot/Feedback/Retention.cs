using Kuril.Bot.Conversations;
using Kuril.Bot.Storage;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Feedback;

/// <summary>
/// Prunes stored answers, recorded questions and feedback votes older than <c>Storage:RetainDays</c>, each by its own time: a vote keeps
/// its own copy of the question and excerpts, so it outlives the answer it was cast on until it is that old itself.
/// </summary>
public sealed class Retention(AnswerStore answers, FeedbackStore feedback, ConversationStore questions, IOptions<StorageOptions> options, TimeProvider time)
{
    /// <summary>How long rows are kept.</summary>
    public TimeSpan Period => TimeSpan.FromDays(options.Value.RetainDays);

    /// <summary>Deletes what is older than <see cref="Period"/> now. Harmless if another instance does it at the same time.</summary>
    public async Task<DeletedRows> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - Period;
        var votes = await feedback.PruneAsync(cutoff, cancellationToken);
        var pruned = await answers.PruneAsync(cutoff, cancellationToken);
        var asked = await questions.PruneAsync(cutoff, cancellationToken);
        return new DeletedRows(pruned, votes, asked);
    }
}
