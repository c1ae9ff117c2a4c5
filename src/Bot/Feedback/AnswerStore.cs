using Kuril.Bot.Commands;
using Kuril.Bot.Storage;

namespace Kuril.Bot.Feedback;

/// <summary>
/// Saves answers as shown and finds them again when one of their buttons is pressed, on any instance. Each keeps who
/// asked, keyed (see <see cref="UserIdHasher"/>), so that the asker can have it deleted.
/// </summary>
public sealed class AnswerStore(BotDatabase database, UserIdHasher ids)
{
    /// <summary>Saves an answer asked by <paramref name="askerId"/> (the platform's user id) and returns it with its new id.</summary>
    public async Task<StoredAnswer> SaveAsync(StoredAnswer answer, string askerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand(
            """
            INSERT INTO answers (kind, question, page_offset, excerpts, platform, created_at, asker_hash, context)
            VALUES (@kind, @question, @offset, @excerpts, @platform, @created, @asker, @context) RETURNING id
            """)
            .With("@kind", answer.Kind.ToString())
            .With("@question", answer.Question)
            .With("@offset", answer.Offset)
            .With("@excerpts", ExcerptKey.Join(answer.Excerpts))
            .With("@platform", answer.Platform.ToString())
            .With("@created", database.Instant(answer.CreatedAt))
            .With("@asker", ids.Hash(answer.Platform, askerId))
            .With("@context", (object?)answer.Context ?? DBNull.Value);
        var id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return answer with { Id = id };
    }

    /// <summary>An answer by id, or null (never stored, pruned or forgotten).</summary>
    public async Task<StoredAnswer?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand("SELECT kind, question, page_offset, excerpts, platform, created_at, context FROM answers WHERE id = @id").With("@id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new StoredAnswer(
            id,
            Enum.Parse<AnswerKind>(reader.GetString(0)),
            reader.GetString(1),
            reader.GetInt32(2),
            ExcerptKey.Split(reader.GetString(3)),
            Enum.Parse<Platform>(reader.GetString(4)),
            await reader.GetFieldValueAsync<DateTimeOffset>(5, cancellationToken))
        {
            Context = await reader.IsDBNullAsync(6, cancellationToken) ? null : reader.GetString(6),
        };
    }

    /// <summary>Deletes the answers stored before <paramref name="cutoff"/>; how many.</summary>
    public async Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand("DELETE FROM answers WHERE created_at < @cutoff").With("@cutoff", database.Instant(cutoff));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Deletes the answers a user asked, and the copy of their question in votes others cast on them (the votes
    /// themselves are the voters' and still count); how many answers.
    /// </summary>
    public async Task<int> ForgetAsync(Platform platform, string userId, CancellationToken cancellationToken)
    {
        var asker = ids.Hash(platform, userId);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var votes = connection.CreateCommand("UPDATE votes SET question = '' WHERE answer_id IN (SELECT id FROM answers WHERE asker_hash = @asker)", transaction).With("@asker", asker))
        {
            await votes.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var answers = connection.CreateCommand("DELETE FROM answers WHERE asker_hash = @asker", transaction).With("@asker", asker);
        var deleted = await answers.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }
}
