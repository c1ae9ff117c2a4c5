using System.Text.Json.Serialization;

namespace Kuril.Bot.Telegram.Api;

/// <summary>Source-generated JSON for the Bot API calls the bot makes and the updates it reads.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(EmptyRequest))]
[JsonSerializable(typeof(GetUpdatesRequest))]
[JsonSerializable(typeof(SendMessageRequest))]
[JsonSerializable(typeof(EditMessageTextRequest))]
[JsonSerializable(typeof(AnswerCallbackQueryRequest))]
[JsonSerializable(typeof(AnswerInlineQueryRequest))]
[JsonSerializable(typeof(SetMyCommandsRequest))]
[JsonSerializable(typeof(GetChatMemberRequest))]
[JsonSerializable(typeof(SetWebhookRequest))]
[JsonSerializable(typeof(DeleteWebhookRequest))]
[JsonSerializable(typeof(SendChatActionRequest))]
[JsonSerializable(typeof(TelegramUpdate))]
[JsonSerializable(typeof(TelegramResponse<TelegramUser>))]
[JsonSerializable(typeof(TelegramResponse<IReadOnlyList<TelegramUpdate>>))]
[JsonSerializable(typeof(TelegramResponse<TelegramMessageInfo>))]
[JsonSerializable(typeof(TelegramResponse<TelegramChatMember>))]
[JsonSerializable(typeof(TelegramResponse<System.Text.Json.JsonElement>))]
internal sealed partial class TelegramJsonContext : JsonSerializerContext;
