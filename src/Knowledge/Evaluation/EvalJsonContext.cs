using System.Text.Json.Serialization;

namespace Kuril.Knowledge.Evaluation;

/// <summary>Source-generated JSON for evaluation files.</summary>
[JsonSourceGenerationOptions(Converters = [typeof(GoldEntryConverter)])]
[JsonSerializable(typeof(EvalQuestion))]
internal sealed partial class EvalJsonContext : JsonSerializerContext;
