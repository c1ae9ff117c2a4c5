using System.Text.Json.Serialization;
using Kuril.Bot.Replies.Discord;

namespace Kuril.Bot.Discord;

/// <summary>Source-generated JSON for what the bot sends Discord.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DiscordMessage))]
[JsonSerializable(typeof(InteractionResponse))]
[JsonSerializable(typeof(AutocompleteResponse))]
[JsonSerializable(typeof(ModalResponse))]
internal sealed partial class DiscordJsonContext : JsonSerializerContext;
