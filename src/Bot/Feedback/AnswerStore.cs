using System.Globalization;
using Kuril.Bot.Commands;

namespace Kuril.Bot.Feedback;

/// <summary>Saves answers as shown and finds them again when one of their buttons is pressed.</summary>
public sealed class AnswerStore(BotDatabase database)
{
    /// <summary>Saves an answer and returns it with its new id.</summary>
    public StoredAnswer Save(StoredAnswer answer)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO answers (kind, question, page_offset, excerpts, platform, created_at)
            VALUES ($kind, $question, $offset, $excerpts, $platform, $created) RETURNING id;
            """;
        command.Parameters.AddWithValue("$kind", answer.Kind.ToString());
        command.Parameters.AddWithValue("$question", answer.Question);
        command.Parameters.AddWithValue("$offset", answer.Offset);
        command.Parameters.AddWithValue("$excerpts", ExcerptKey.Join(answer.Excerpts));
        command.Parameters.AddWithValue("$platform", answer.Platform.ToString());
        command.Parameters.AddWithValue("$created", answer.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
        var id = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        return answer with { Id = id };
    }

    /// <summary>An answer by id, or null.</summary>
    public StoredAnswer? Find(long id)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT kind, question, page_offset, excerpts, platform, created_at FROM answers WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        return new StoredAnswer(
            id,
            Enum.Parse<AnswerKind>(reader.GetString(0)),
            reader.GetString(1),
            reader.GetInt32(2),
            ExcerptKey.Split(reader.GetString(3)),
            Enum.Parse<Platform>(reader.GetString(4)),
            DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
    }
}
