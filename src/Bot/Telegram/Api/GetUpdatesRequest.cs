using System.Text.Json.Serialization;

namespace Kuril.Bot.Telegram.Api;

/// <summary>getUpdates: long polling.</summary>
/// <param name="Offset">The first update wanted; confirms every earlier one.</param>
/// <param name="Timeout">Seconds the server may hold the request open while nothing arrives.</param>
/// <param name="AllowedUpdates">Which kinds of update to receive.</param>
public sealed record GetUpdatesRequest(
    [property: JsonPropertyName("offset"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Offset,
    [property: JsonPropertyName("timeout")] int Timeout,
    [property: JsonPropertyName("allowed_updates")] IReadOnlyList<string> AllowedUpdates);
