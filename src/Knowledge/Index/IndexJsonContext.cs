using System.Text.Json.Serialization;
using Kuril.Knowledge.Answers;

namespace Kuril.Knowledge.Index;

/// <summary>The documents list kept in an index's commit data.</summary>
[JsonSerializable(typeof(List<DocumentInfo>))]
internal sealed partial class IndexJsonContext : JsonSerializerContext;
