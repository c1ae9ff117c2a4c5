using System.Text.Json.Serialization;

namespace Kuril.Bot.Replies.Discord;

/// <summary>Which mentions Discord may turn into pings.</summary>
/// <param name="Parse">Mention kinds to parse; always empty.</param>
public sealed record DiscordAllowedMentions([property: JsonPropertyName("parse")] IReadOnlyList<string> Parse)
{
    /// <summary>No pings at all.</summary>
    public static DiscordAllowedMentions None { get; } = new([]);
}
