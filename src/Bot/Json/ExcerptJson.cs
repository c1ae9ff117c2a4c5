using System.Text.Json.Serialization;

namespace Kuril.Bot.Json;

/// <summary>
/// The JSON shape of one excerpt on the command line; <c>kind</c> is <c>document</c> (a quotation), <c>timeline</c> or
/// <c>note</c> (the project's own summary, attested by <c>sources</c>).
/// </summary>
public sealed record ExcerptJson(
    [property: JsonPropertyName("rank")] int Rank,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("documentId")] string DocumentId,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("published")] string? Published,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("sources")] IReadOnlyList<TimelineSourceJson> Sources)
{
    /// <summary>The matched words as [start, length] pairs of UTF-16 offsets into <see cref="Text"/>.</summary>
    [JsonPropertyName("highlights")]
    public IReadOnlyList<int[]> Highlights { get; init; } = [];

    /// <summary>The passage's page on the bot's site (<c>Web:PublicUrl</c>), or null when the site is off or the excerpt is a summary.</summary>
    [JsonPropertyName("link")]
    public string? Link { get; init; }
}
