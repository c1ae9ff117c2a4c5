using Kuril.Bot.Commands;
using Kuril.Bot.Storage;

namespace Kuril.Bot.Feedback;

/// <summary>Saves answers as shown and finds them again when one of their buttons is pressed, on any instance.</summary>
public sealed class AnswerStore(BotDatabase database)
{
    /// <summary>Saves an answer and returns it with its new id.</summary>
    public async Task<StoredAnswer> SaveAsync(StoredAnswer answer, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand(
            """
            INSERT INTO answers (kind, question, page_offset, excerpts, platform, created_at)
            VALUES (@kind, @question, @offset, @excerpts, @platform, @created) RETURNING id
            """)
            .With("@kind", answer.Kind.ToString())
            .With("@question", answer.Question)
            .With("@offset", answer.Offset)
            .With("@excerpts", ExcerptKey.Join(answer.Excerpts))
            .With("@platform", answer.Platform.ToString())
            .With("@created", database.Instant(answer.CreatedAt));
        var id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return answer with { Id = id };
    }

    /// <summary>An answer by id, or null.</summary>
    public async Task<StoredAnswer?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand("SELECT kind, question, page_offset, excerpts, platform, created_at FROM answers WHERE id = @id").With("@id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new StoredAnswer(
            id,
            Enum.Parse<AnswerKind>(reader.GetString(0)),
            reader.GetString(1),
            reader.GetInt32(2),
            ExcerptKey.Split(reader.GetString(3)),
            Enum.Parse<Platform>(reader.GetString(4)),
            await reader.GetFieldValueAsync<DateTimeOffset>(5, cancellationToken));
    }
}
