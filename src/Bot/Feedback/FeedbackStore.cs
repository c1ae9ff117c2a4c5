using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kuril.Bot.Commands;
using Microsoft.Data.Sqlite;

namespace Kuril.Bot.Feedback;

/// <summary>
/// Feedback votes: question, excerpt ids, verdict, platform and time, one per user per answer. Users are kept
/// only as a hash of platform and user id, enough to count a vote once and no more.
/// </summary>
public sealed class FeedbackStore(BotDatabase database, TimeProvider time)
{
    private const int SqliteConstraint = 19;

    /// <summary>Records a vote; false when this user has already voted on this answer (the first vote stands).</summary>
    public bool Vote(StoredAnswer answer, Platform platform, string userId, VoteVerdict verdict)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO votes (answer_id, user_hash, verdict, question, excerpts, platform, voted_at)
            VALUES ($answer, $user, $verdict, $question, $excerpts, $platform, $at) RETURNING id;
            """;
        insert.Parameters.AddWithValue("$answer", answer.Id);
        insert.Parameters.AddWithValue("$user", UserHash(platform, userId));
        insert.Parameters.AddWithValue("$verdict", verdict.ToString());
        insert.Parameters.AddWithValue("$question", answer.Question);
        insert.Parameters.AddWithValue("$excerpts", ExcerptKey.Join(answer.Excerpts));
        insert.Parameters.AddWithValue("$platform", platform.ToString());
        insert.Parameters.AddWithValue("$at", time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        long voteId;
        try
        {
            voteId = Convert.ToInt64(insert.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteConstraint)
        {
            return false;
        }

        foreach (var document in answer.Excerpts.Select(e => e.DocumentId).Distinct(StringComparer.Ordinal))
        {
            using var link = connection.CreateCommand();
            link.Transaction = transaction;
            link.CommandText = "INSERT INTO vote_documents (vote_id, document_id) VALUES ($vote, $document)";
            link.Parameters.AddWithValue("$vote", voteId);
            link.Parameters.AddWithValue("$document", document);
            link.ExecuteNonQuery();
        }

        transaction.Commit();
        return true;
    }

    /// <summary>Votes on one stored answer.</summary>
    public VoteCount CountForAnswer(long answerId)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT verdict, COUNT(*) FROM votes WHERE answer_id = $key GROUP BY verdict";
        command.Parameters.AddWithValue("$key", answerId);
        return Count(command);
    }

    /// <summary>Votes on answers that quoted the document.</summary>
    public VoteCount CountForDocument(string documentId)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT v.verdict, COUNT(*) FROM votes v JOIN vote_documents d ON d.vote_id = v.id WHERE d.document_id = $key GROUP BY v.verdict";
        command.Parameters.AddWithValue("$key", documentId);
        return Count(command);
    }

    private static VoteCount Count(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        int helpful = 0, notHelpful = 0;
        while (reader.Read())
        {
            if (reader.GetString(0) == nameof(VoteVerdict.Helpful)) helpful = reader.GetInt32(1);
            else notHelpful = reader.GetInt32(1);
        }

        return new VoteCount(helpful, notHelpful);
    }

    // A salted-by-platform SHA-256: the same user counts once per answer, and the stored value names nobody.
    private static string UserHash(Platform platform, string userId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(platform + ":" + userId)));
}
