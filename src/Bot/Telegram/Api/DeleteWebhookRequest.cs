using System.Text.Json.Serialization;

namespace Kuril.Bot.Telegram.Api;

/// <summary>deleteWebhook, so polling can start; pending updates are kept.</summary>
/// <param name="DropPendingUpdates">Always false: updates received meanwhile are still answered.</param>
public sealed record DeleteWebhookRequest([property: JsonPropertyName("drop_pending_updates")] bool DropPendingUpdates);
