using Kuril.Knowledge.Answers;

namespace Kuril.Knowledge.Index;

/// <summary>A passage of a small index, kept in memory with its space-separated terms.</summary>
internal sealed record ResidentPassage(PassageRecord Record, string Terms);
