using System.Globalization;
using System.Text.Json.Serialization;
using Kuril.Knowledge.Answers;

namespace Kuril.Bot.Json;

/// <summary>The JSON shape of an answer on the command line.</summary>
public sealed record AnswerJson(
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("abstained")] bool Abstained,
    [property: JsonPropertyName("excerpts")] IReadOnlyList<ExcerptJson> Excerpts)
{
    /// <summary>Maps an answer.</summary>
    public static AnswerJson From(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return new AnswerJson(answer.Question, answer.Abstained, answer.Excerpts.Select(e => new ExcerptJson(
            e.Rank,
            e.Text,
            e.Citation.DocumentId,
            e.Citation.Title,
            e.Citation.Url?.ToString(),
            e.Citation.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            e.Score,
            e.Kind switch { ExcerptKind.Timeline => "timeline", ExcerptKind.Note => "note", _ => "document" },
            e.Sources.Select(TimelineSourceJson.From).ToList())).ToList());
    }
}
