using System.Text.Json.Serialization;

namespace Kuril.Bot.Replies.Discord;

/// <summary>A Discord embed.</summary>
/// <param name="Title">Title, on the first embed of a reply only.</param>
/// <param name="Description">Markdown description.</param>
public sealed record DiscordEmbed(
    [property: JsonPropertyName("title"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Title,
    [property: JsonPropertyName("description")] string Description)
{
    /// <summary>Characters counted against the 6,000 of a message.</summary>
    [JsonIgnore]
    public int Length => (Title?.Length ?? 0) + Description.Length;
}
