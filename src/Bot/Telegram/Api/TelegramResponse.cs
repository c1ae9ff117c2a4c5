using System.Text.Json.Serialization;

namespace Kuril.Bot.Telegram.Api;

/// <summary>The envelope of every Bot API answer.</summary>
/// <typeparam name="T">The result's type.</typeparam>
/// <param name="Ok">Whether the call succeeded.</param>
/// <param name="Result">The result, when it did.</param>
/// <param name="ErrorCode">The error code, when it did not.</param>
/// <param name="Description">What went wrong.</param>
/// <param name="Parameters">Retry or migration hints.</param>
public sealed record TelegramResponse<T>(
    [property: JsonPropertyName("ok")] bool? Ok,
    [property: JsonPropertyName("result")] T? Result,
    [property: JsonPropertyName("error_code")] int? ErrorCode,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("parameters")] TelegramResponseParameters? Parameters);
