using Kuril.Knowledge.Timeline;

namespace Kuril.Knowledge.Summaries;

/// <summary>A short statement in the project's own words from <c>notes/*.md</c>, with the sources that attest it.</summary>
/// <param name="FileName">Its file's name inside the notes folder.</param>
/// <param name="Title">What it is about, as its citation shows it.</param>
/// <param name="Text">The statement.</param>
/// <param name="Sources">Corpus passages and public references; at least one.</param>
public sealed record ReferenceNote(string FileName, string Title, string Text, IReadOnlyList<TimelineSource> Sources);
