using System.Text.Json.Serialization;
using Kuril.Bot.Conversations;

namespace Kuril.Bot.Json;

/// <summary>Source-generated JSON for <c>stats --json</c>: the stats as read, platforms by name.</summary>
[JsonSourceGenerationOptions(WriteIndented = false, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(CuratorStats))]
internal sealed partial class StatsJsonContext : JsonSerializerContext;
