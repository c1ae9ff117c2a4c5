using System.Text.Json.Serialization;

namespace Kuril.Bot.Json;

/// <summary>Source-generated JSON for the timeline's command line shapes.</summary>
[JsonSourceGenerationOptions(WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(OnThisDayJson))]
internal sealed partial class TimelineJsonContext : JsonSerializerContext;
