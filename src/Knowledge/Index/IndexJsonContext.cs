using System.Text.Json.Serialization;
using Kuril.Knowledge.Answers;

namespace Kuril.Knowledge.Index;

/// <summary>The documents list, the corpus documents' ids and the files skipped, kept in an index's commit data.</summary>
[JsonSerializable(typeof(List<DocumentInfo>))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(List<Corpus.CorpusProblem>))]
internal sealed partial class IndexJsonContext : JsonSerializerContext;
