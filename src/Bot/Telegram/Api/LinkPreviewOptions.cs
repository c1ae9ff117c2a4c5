using System.Text.Json.Serialization;

namespace Kuril.Bot.Telegram.Api;

/// <summary>Whether Telegram shows a preview of the first link in a message.</summary>
/// <param name="IsDisabled">True to show none.</param>
public sealed record LinkPreviewOptions([property: JsonPropertyName("is_disabled")] bool IsDisabled)
{
    /// <summary>No preview.</summary>
    public static readonly LinkPreviewOptions Disabled = new(true);
}
