using System.Text.Json.Serialization;

namespace Kuril.Bot.Telegram.Api;

/// <summary>Why a request can be retried or redirected.</summary>
/// <param name="RetryAfter">Seconds to wait after a 429.</param>
/// <param name="MigrateToChatId">The supergroup a group was upgraded to.</param>
public sealed record TelegramResponseParameters(
    [property: JsonPropertyName("retry_after")] double? RetryAfter,
    [property: JsonPropertyName("migrate_to_chat_id")] long? MigrateToChatId);
