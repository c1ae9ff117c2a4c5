using Kuril.Knowledge.Aliases;
using Kuril.Knowledge.Corpus;
using Kuril.Knowledge.Summaries;
using Kuril.Knowledge.Tests.Support;

namespace Kuril.Knowledge.Tests.Summaries;

/// <summary>The shipped <c>corpus/notes</c> and <c>corpus/events.yaml</c>: enough notes, each sourced, sources that check out.</summary>
public sealed class ShippedNotesTests
{
    private static readonly Lazy<(IReadOnlyList<ReferenceNote> Notes, IReadOnlyList<CorpusProblem> Problems)> Shipped = new(() => NoteReader.Read(RepoPaths.Corpus));

    private static readonly Lazy<Dictionary<string, CorpusDocument>> Documents =
        new(() => CorpusReader.Read(RepoPaths.Corpus).Documents.ToDictionary(d => d.Id, StringComparer.Ordinal));

    [Fact]
    public void Every_note_file_reads_and_there_are_at_least_forty()
    {
        Assert.Empty(Shipped.Value.Problems.Select(p => $"{p.FileName}: {p.Reason}"));
        Assert.True(Shipped.Value.Notes.Count >= 40, $"only {Shipped.Value.Notes.Count} notes");
        Assert.Equal(Directory.GetFiles(Path.Combine(RepoPaths.Corpus, NoteReader.NotesFolder), "*.md").Length, Shipped.Value.Notes.Count);
    }

    [Fact]
    public void Every_note_is_sourced_by_corpus_text_found_verbatim_or_an_https_reference() =>
        Assert.All(Shipped.Value.Notes, note =>
        {
            Assert.NotEmpty(note.Sources);
            foreach (var source in note.Sources)
            {
                if (source.IsCorpusPassage)
                {
                    Assert.True(Documents.Value.TryGetValue(source.DocumentId!, out var document), $"{note.FileName}: no document '{source.DocumentId}'");
                    Assert.True(document.Body.Contains(source.Excerpt!, StringComparison.Ordinal), $"{note.FileName}: not in {source.DocumentId}: {source.Excerpt}");
                }

                if (source.IsPublicReference) Assert.Equal(Uri.UriSchemeHttps, source.Url!.Scheme);
            }
        });

    [Fact]
    public void Every_note_is_a_short_statement_with_a_title() =>
        Assert.All(Shipped.Value.Notes, note =>
        {
            Assert.False(string.IsNullOrWhiteSpace(note.Title), note.FileName);
            Assert.InRange(note.Text.Length, 60, 700);
        });

    [Fact]
    public void Every_event_name_group_has_a_year_and_no_name_that_cannot_match()
    {
        var events = AliasTable.Load(RepoPaths.Corpus, AliasTable.EventsFileName);

        Assert.True(events.Groups.Count >= 30, $"only {events.Groups.Count} events named");
        Assert.All(events.Groups, g =>
        {
            Assert.InRange(g.Year ?? 0, 1800, 2100);
            Assert.DoesNotContain(g.Names, n => char.IsAsciiDigit(n[0])); // a Latin name is found by its first word
        });
    }

    [Theory]
    [InlineData("Hatoyama–Bulganin declaration", "Joint Declaration of 1956")]
    [InlineData("Советско-японская декларация", "Hatoyama-Bulganin declaration")]
    [InlineData("Crimea Conference", "Yalta Conference")]
    [InlineData("Treaty of Commerce, Navigation and Delimitation", "Treaty of Shimoda")]
    [InlineData("ポツダム宣言", "Potsdam Declaration")]
    public void Names_of_one_event_in_three_languages_resolve_to_one_group(string name, string other)
    {
        var events = AliasTable.Load(RepoPaths.Corpus, AliasTable.EventsFileName);

        var group = events.Resolve(name);

        Assert.NotNull(group);
        Assert.Contains(other, group.Names);
    }

    [Theory]
    [InlineData("no front matter", "Just a statement.\n", "front matter")]
    [InlineData("no title", "---\nsources:\n  - title: \"A\"\n    url: \"https://example.org\"\n---\nText.\n", "title")]
    [InlineData("no sources", "---\ntitle: \"A\"\n---\nText.\n", "sources")]
    [InlineData("half a source", "---\ntitle: \"A\"\nsources:\n  - document: \"d\"\n---\nText.\n", "excerpt")]
    [InlineData("a relative url", "---\ntitle: \"A\"\nsources:\n  - title: \"A\"\n    url: \"/wiki/A\"\n---\nText.\n", "url")]
    [InlineData("no statement", "---\ntitle: \"A\"\nsources:\n  - title: \"A\"\n    url: \"https://example.org\"\n---\n\n", "empty")]
    [InlineData("an unknown key", "---\ntitle: \"A\"\nsourcez: []\n---\nText.\n", "sourcez")]
    public void A_broken_note_is_rejected_saying_why(string what, string content, string reason)
    {
        var error = Assert.Throws<FormatException>(() => NoteReader.Parse(content, "broken.md"));

        Assert.True(error.Message.Contains(reason, StringComparison.Ordinal), $"{what}: {error.Message}");
    }
}
