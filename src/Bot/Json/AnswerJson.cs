using System.Globalization;
using System.Text.Json.Serialization;
using Kuril.Bot.Web;
using Kuril.Knowledge.Answers;

namespace Kuril.Bot.Json;

/// <summary>The JSON shape of an answer on the command line.</summary>
public sealed record AnswerJson(
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("abstained")] bool Abstained,
    [property: JsonPropertyName("excerpts")] IReadOnlyList<ExcerptJson> Excerpts)
{
    /// <summary>The question as searched when misspelled words were corrected ("Tell me about Kunashiri"), else null.</summary>
    [JsonPropertyName("correctedQuery")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CorrectedQuery { get; init; }

    /// <summary>Maps an answer; each excerpt links to its passage when <paramref name="links"/> has a site to link to.</summary>
    public static AnswerJson From(Answer answer, PassageLinks? links = null)
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
            e.Sources.Select(TimelineSourceJson.From).ToList())
        {
            Highlights = e.Highlights.Select(h => new[] { h.Start, h.Length }).ToList(),
            Link = links?.For(e)?.AbsoluteUri,
        }).ToList())
        {
            CorrectedQuery = answer.Corrections.Count == 0 ? null : Corrected(answer.Question, answer.Corrections),
        };
    }

    // Each misspelled word of the question, as written in any case, replaced by its correction.
    private static string Corrected(string question, IReadOnlyList<Correction> corrections)
    {
        foreach (var correction in corrections)
        {
            var at = question.IndexOf(correction.Written, StringComparison.OrdinalIgnoreCase);
            if (at < 0) continue;
            var replacement = char.IsUpper(question[at]) ? char.ToUpperInvariant(correction.Corrected[0]) + correction.Corrected[1..] : correction.Corrected;
            question = string.Concat(question.AsSpan(0, at), replacement, question.AsSpan(at + correction.Written.Length));
        }

        return question;
    }
}
