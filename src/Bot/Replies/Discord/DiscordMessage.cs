using System.Text.Json.Serialization;

namespace Kuril.Bot.Replies.Discord;

/// <summary>A Discord message payload (interaction response data, follow-up or channel post).</summary>
/// <param name="Content">Plain content; null when the embeds carry everything.</param>
/// <param name="Embeds">The embeds.</param>
/// <param name="AllowedMentions">Always "parse nothing", so no text can ping anyone.</param>
/// <param name="Components">Action rows of buttons.</param>
public sealed record DiscordMessage(
    [property: JsonPropertyName("content"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Content,
    [property: JsonPropertyName("embeds")] IReadOnlyList<DiscordEmbed> Embeds,
    [property: JsonPropertyName("allowed_mentions")] DiscordAllowedMentions AllowedMentions,
    [property: JsonPropertyName("components")] IReadOnlyList<DiscordActionRow> Components)
{
    /// <summary>The ephemeral flag: only the user who asked sees the message.</summary>
    public const int EphemeralFlag = 1 << 6;

    /// <summary>Message flags; <see cref="EphemeralFlag"/> for a reply meant for the requester only.</summary>
    [JsonPropertyName("flags")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Flags { get; init; }
}
