using Kuril.Knowledge.Cleaning;
using Kuril.Knowledge.Import;
using Kuril.Knowledge.Tests.Support;

namespace Kuril.Knowledge.Tests.Import;

public sealed class CorpusImportTests
{
    [Theory]
    [InlineData("Kunashir's volcanoes — and the Kurilsky reserve", "kunashirs-volcanoes-and-the-kurilsky-reserve")]
    [InlineData("Итуруп: Étude des îles", "etude-des-iles")]
    [InlineData("択捉島について", "fallback")]
    [InlineData("A title much longer than sixty characters is cut at a word boundary, not inside one", "a-title-much-longer-than-sixty-characters-is-cut-at-a-word")]
    public void A_slug_is_lower_case_ascii_words_joined_by_hyphens(string title, string slug) =>
        Assert.Equal(slug, CorpusImport.Slug(title, "fallback"));

    [Fact]
    public void A_new_document_adds_its_cleaned_passages_and_drops_page_furniture()
    {
        var draft = Draft(
            "The Kurilsky nature reserve on Kunashir was established in 1984 and protects about 65,000 hectares of the island.\n"
            + "Follow us on Telegram for daily news from the Kuril Islands!\n"
            + "Tyatya volcano, the highest peak of Kunashir at 1,819 metres, last erupted in 1981.");

        var preview = CorpusImport.Preview(RepoPaths.Corpus, draft);

        Assert.False(preview.IsNearDuplicate);
        Assert.Equal(2, preview.Passages.Count);
        Assert.Contains(preview.Dropped, d => d.Reason == DebrisReason.SiteFurniture && d.Text.StartsWith("Follow us", StringComparison.Ordinal));
        Assert.Equal(string.Join("\n\n", preview.Passages), preview.Body);
    }

    [Fact]
    public void A_document_repeating_one_already_in_the_corpus_is_a_duplicate_of_it()
    {
        var shipped = File.ReadAllText(Path.Combine(RepoPaths.Corpus, "documents", "putin-deal-needs-public-support.md"));

        var preview = CorpusImport.Preview(RepoPaths.Corpus, Draft(shipped[(shipped.IndexOf("\n---", 3, StringComparison.Ordinal) + 4)..]));

        Assert.True(preview.IsNearDuplicate);
        Assert.Equal("putin-deal-needs-public-support", preview.DuplicateOf);
    }

    [Fact]
    public void The_markdown_written_carries_the_metadata_as_front_matter_the_corpus_reads()
    {
        var draft = Draft("Body.") with { Title = "A \"quoted\" title", Published = new DateOnly(2021, 6, 14), Url = new Uri("https://example.org/a"), Author = "Maria Petrova" };

        var markdown = draft.ToMarkdown("The passage.");

        Assert.StartsWith("---\ntitle: \"A \\\"quoted\\\" title\"\nkind: \"article\"\npublisher: \"Island Notes\"\nauthor: \"Maria Petrova\"\npublished: 2021-06-14\nurl: \"https://example.org/a\"\n", markdown, StringComparison.Ordinal);
        Assert.EndsWith("---\n\nThe passage.\n", markdown, StringComparison.Ordinal);
    }

    private static DocumentDraft Draft(string body) =>
        new("imported-test", "Imported test", "article", "Island Notes", null, null, null, body);
}
