using Kuril.Knowledge.Answers;
using Kuril.Knowledge.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Kuril.Knowledge.Tests.Summaries;

/// <summary>Timeline events and reference notes answer questions beside the documents, labelled as summaries.</summary>
public sealed class SummarySearchTests(ShippedCorpusFixture shipped) : IClassFixture<ShippedCorpusFixture>, IDisposable
{
    private readonly TempCorpus _corpus = new();
    private readonly ListLogger<KnowledgeBase> _logger = new();

    [Fact]
    public void What_was_SCAPIN_677_is_answered_by_the_projects_summary_with_its_sources()
    {
        var answer = shipped.Knowledge.Ask("What was SCAPIN-677?");

        Assert.False(answer.Abstained);
        var first = answer.Excerpts[0];
        Assert.Contains("SCAPIN-677", first.Text, StringComparison.Ordinal);
        Assert.NotEqual(ExcerptKind.Document, first.Kind);
        Assert.NotEmpty(first.Sources);
        Assert.All(first.Sources, s => Assert.True(s.IsCorpusPassage || s.IsPublicReference));
    }

    [Theory]
    [InlineData("What was the Hatoyama–Bulganin declaration?", "Hatoyama", "Joint Declaration")]
    [InlineData("日ソ共同宣言とは何ですか？", "日ソ", "Joint Declaration")]
    [InlineData("What did the Crimea Conference decide about the Kurils?", "Crimea", "Yalta")]
    [InlineData("What did the Treaty for the Exchange of Sakhalin for the Kuril Islands do?", "Exchange of Sakhalin", "Treaty of Saint Petersburg")]
    [InlineData("Что такое Симодский трактат?", "Симод", "Shimoda")]
    [InlineData("What did the Treaty of Peace with Japan say about the Kurils?", "Treaty of Peace with Japan", "San Francisco")]
    public void A_treaty_named_by_one_name_finds_passages_that_use_another(string question, string asked, string other)
    {
        var answer = shipped.Knowledge.Ask(question, 3);

        Assert.False(answer.Abstained);
        Assert.Contains(answer.Excerpts, e => e.Text.Contains(other, StringComparison.Ordinal) && !e.Text.Contains(asked, StringComparison.Ordinal));
    }

    [Fact]
    public void A_timeline_event_is_a_passage_led_by_its_date_in_words_and_cited_by_its_own_sources()
    {
        var answer = shipped.Knowledge.Ask("What happened in 1951?", 5);

        var treaty = Assert.Single(answer.Excerpts, e => e.Text.StartsWith("8 September 1951: ", StringComparison.Ordinal));
        Assert.Equal(ExcerptKind.Timeline, treaty.Kind);
        Assert.Contains(treaty.Sources, s => s.Url?.AbsoluteUri == "https://en.wikipedia.org/wiki/Treaty_of_San_Francisco");
    }

    [Fact]
    public void The_documents_list_holds_the_corpus_documents_only()
    {
        var ids = shipped.Knowledge.Documents.Select(d => d.Id).ToList();

        Assert.Equal(Directory.GetFiles(Path.Combine(RepoPaths.Corpus, "documents")).Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal), ids);
    }

    [Fact]
    public void A_document_passage_that_a_summary_quotes_is_shown_before_the_summary()
    {
        var answer = shipped.Knowledge.Ask("What were the five candidate projects for joint economic activities?", 5);

        var excerpts = answer.Excerpts.ToList();
        var quotation = excerpts.FindIndex(e => e.Kind == ExcerptKind.Document && e.Text.Contains("designated the five candidate projects", StringComparison.Ordinal));
        var summary = excerpts.FindIndex(e => e.Kind == ExcerptKind.Timeline && e.Text.Contains("five candidate projects", StringComparison.Ordinal));
        Assert.InRange(quotation, 0, summary - 1);
    }

    [Fact]
    public void A_note_added_while_running_answers_after_a_reload_and_a_broken_one_is_skipped_naming_its_file()
    {
        using var knowledge = TestKnowledge.Over(_corpus, _logger).Load();
        Assert.False(knowledge.Finds("What did the Zorblatt accord give Japan?", "Zorblatt"));

        var notes = Directory.CreateDirectory(Path.Combine(_corpus.CorpusPath, "notes")).FullName;
        File.WriteAllText(Path.Combine(notes, "zorblatt.md"), """
            ---
            title: "The Zorblatt accord"
            sources:
              - title: "Zorblatt (Example)"
                url: "https://example.org/zorblatt"
            ---
            The Zorblatt accord gave Japan a lighthouse on Shikotan.
            """);
        File.WriteAllText(Path.Combine(notes, "unsourced.md"), "---\ntitle: \"No sources\"\n---\nThe Quenfrey accord gave Russia a harbour.\n");
        Assert.True(knowledge.Reload());

        var note = Assert.Single(knowledge.Ask("What did the Zorblatt accord give Japan?").Excerpts, e => e.Text.Contains("Zorblatt", StringComparison.Ordinal));
        Assert.Equal(ExcerptKind.Note, note.Kind);
        Assert.Equal("The Zorblatt accord", note.Citation.Title);
        Assert.Equal(new Uri("https://example.org/zorblatt"), Assert.Single(note.Sources).Url);
        Assert.False(knowledge.Finds("What did the Quenfrey accord give Russia?", "Quenfrey"));
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("notes/unsourced.md", StringComparison.Ordinal) && e.Message.Contains("sources", StringComparison.Ordinal));
    }

    [Fact]
    public void A_broken_timeline_leaves_the_documents_serving_with_a_warning()
    {
        File.WriteAllText(Path.Combine(_corpus.CorpusPath, "timeline.yaml"), "events: [ { date: 1855 ");
        using var knowledge = TestKnowledge.Over(_corpus, _logger).Load();

        Assert.True(knowledge.Finds("How many Japanese civilians were deported from the Kurils?", "17,000"));
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("timeline", StringComparison.Ordinal));
    }

    public void Dispose() => _corpus.Dispose();
}
