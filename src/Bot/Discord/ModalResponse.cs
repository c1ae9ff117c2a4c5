using System.Text.Json.Serialization;

namespace Kuril.Bot.Discord;

/// <summary>The answer to an interaction that opens a modal (response type 9).</summary>
/// <param name="Data">The modal.</param>
internal sealed record ModalResponse([property: JsonPropertyName("data")] DiscordModal Data)
{
    /// <summary>Response type 9, a modal.</summary>
    public const int ModalType = 9;

    /// <summary>Always <see cref="ModalType"/>.</summary>
    [JsonPropertyName("type")]
    public int Type { get; init; } = ModalType;
}
