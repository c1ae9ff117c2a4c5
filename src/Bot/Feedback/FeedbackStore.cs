using System.Globalization;
using Kuril.Bot.Commands;
using Kuril.Bot.Storage;

namespace Kuril.Bot.Feedback;

/// <summary>
/// Feedback votes: question, excerpt ids, verdict, platform and time, one per user per answer. Users are kept only
/// keyed (<see cref="UserIdHasher"/>), enough to count a vote once and to find a user's votes when asked to forget
/// them, and no more.
/// </summary>
public sealed class FeedbackStore(BotDatabase database, UserIdHasher ids, TimeProvider time)
{
    /// <summary>Records a vote; false when this user has already voted on this answer (the first vote stands).</summary>
    public async Task<bool> VoteAsync(StoredAnswer answer, Platform platform, string userId, VoteVerdict verdict, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // A second vote by the same user meets the unique key and inserts nothing, so no id comes back.
        await using var insert = connection.CreateCommand(
            """
            INSERT INTO votes (answer_id, user_hash, verdict, question, excerpts, platform, voted_at)
            VALUES (@answer, @user, @verdict, @question, @excerpts, @platform, @at)
            ON CONFLICT (answer_id, user_hash) DO NOTHING RETURNING id
            """,
            transaction)
            .With("@answer", answer.Id)
            .With("@user", ids.Hash(platform, userId))
            .With("@verdict", verdict.ToString())
            .With("@question", answer.Question)
            .With("@excerpts", ExcerptKey.Join(answer.Excerpts))
            .With("@platform", platform.ToString())
            .With("@at", database.Instant(time.GetUtcNow()));
        if (await insert.ExecuteScalarAsync(cancellationToken) is not long voteId) return false;

        foreach (var document in answer.Excerpts.Select(e => e.DocumentId).Distinct(StringComparer.Ordinal))
        {
            await using var link = connection.CreateCommand("INSERT INTO vote_documents (vote_id, document_id) VALUES (@vote, @document)", transaction)
                .With("@vote", voteId)
                .With("@document", document);
            await link.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Votes on one stored answer.</summary>
    public Task<VoteCount> CountForAnswerAsync(long answerId, CancellationToken cancellationToken) =>
        CountAsync("SELECT verdict, COUNT(*) FROM votes WHERE answer_id = @key GROUP BY verdict", answerId, cancellationToken);

    /// <summary>Votes on answers that quoted the document.</summary>
    public Task<VoteCount> CountForDocumentAsync(string documentId, CancellationToken cancellationToken) =>
        CountAsync("SELECT v.verdict, COUNT(*) FROM votes v JOIN vote_documents d ON d.vote_id = v.id WHERE d.document_id = @key GROUP BY v.verdict", documentId, cancellationToken);

    private async Task<VoteCount> CountAsync(string query, object key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand(query).With("@key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        int helpful = 0, notHelpful = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            var count = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture); // SQLite's integer, PostgreSQL's bigint
            if (reader.GetString(0) == nameof(VoteVerdict.Helpful)) helpful = count;
            else notHelpful = count;
        }

        return new VoteCount(helpful, notHelpful);
    }

    /// <summary>Deletes the votes cast before <paramref name="cutoff"/>; how many.</summary>
    public Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        DeleteAsync("voted_at < @key", database.Instant(cutoff), cancellationToken);

    /// <summary>Deletes a user's votes; how many.</summary>
    public Task<int> ForgetAsync(Platform platform, string userId, CancellationToken cancellationToken) =>
        DeleteAsync("user_hash = @key", ids.Hash(platform, userId), cancellationToken);

    // A vote's links to documents go first, as they reference it. where is one of the two conditions above, never user text.
    private async Task<int> DeleteAsync(string where, object key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var links = connection.CreateCommand("DELETE FROM vote_documents WHERE vote_id IN (SELECT id FROM votes WHERE " + where + ")", transaction).With("@key", key))
        {
            await links.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var votes = connection.CreateCommand("DELETE FROM votes WHERE " + where, transaction).With("@key", key);
        var deleted = await votes.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }
}
