using System.Text.Json.Serialization;

namespace Kuril.Bot.Json;

/// <summary>Source-generated JSON for the bot's own shapes.</summary>
[JsonSourceGenerationOptions(WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(AnswerJson))]
internal sealed partial class BotJsonContext : JsonSerializerContext;
