using System.Text.Json.Serialization;
using Kuril.Knowledge.Timeline;

namespace Kuril.Bot.Json;

/// <summary>The JSON shape of one source of a timeline event on the command line.</summary>
public sealed record TimelineSourceJson(
    [property: JsonPropertyName("documentId")] string? DocumentId,
    [property: JsonPropertyName("excerpt")] string? Excerpt,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("url")] string? Url)
{
    /// <summary>Maps a source.</summary>
    public static TimelineSourceJson From(TimelineSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new TimelineSourceJson(source.DocumentId, source.Excerpt, source.Title, source.Url?.ToString());
    }
}
