using System.Text.Json.Serialization;

namespace Kuril.Bot.Discord;

/// <summary>A modal (a form) as an interaction response's data.</summary>
/// <param name="CustomId">Its id, which the submission (interaction type 5) carries back.</param>
/// <param name="Title">Its title, at most 45 characters.</param>
/// <param name="Components">Its rows of text inputs.</param>
internal sealed record DiscordModal(
    [property: JsonPropertyName("custom_id")] string CustomId,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("components")] IReadOnlyList<DiscordInputRow> Components);
