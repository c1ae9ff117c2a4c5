using System.Text.Json.Serialization;

namespace Kuril.Bot.Telegram.Api;

/// <summary>setWebhook.</summary>
/// <param name="Url">The public https URL Telegram posts updates to.</param>
/// <param name="SecretToken">Sent back in <c>X-Telegram-Bot-Api-Secret-Token</c> with every update.</param>
/// <param name="AllowedUpdates">Which kinds of update to receive.</param>
public sealed record SetWebhookRequest(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("secret_token")] string SecretToken,
    [property: JsonPropertyName("allowed_updates")] IReadOnlyList<string> AllowedUpdates);
