using Kuril.Knowledge.Answers;
using Kuril.Knowledge.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Kuril.Knowledge.Tests.Answers;

/// <summary>The knowledge base over a corpus folder that has bad files in it, and re-reading it on demand.</summary>
public sealed class KnowledgeBaseCorpusTests : IDisposable
{
    private const string Deported = "How many Japanese civilians were deported from the Kurils?";
    private const string FirstText = "The Zorblatt accord of 1799 gave Japan a lighthouse on Shikotan.";
    private const string SecondText = "The Quenfrey accord of 1802 gave Russia a harbour on Shikotan.";

    private readonly TempCorpus _corpus = new(withShippedDocuments: true);
    private readonly ListLogger<KnowledgeBase> _logger = new();

    public void Dispose() => _corpus.Dispose();

    private IEnumerable<LogEntry> Warnings => _logger.Entries.Where(e => e.Level == LogLevel.Warning);

    [Fact]
    public void Logs_one_warning_per_bad_file_naming_it_and_the_reason_and_keeps_serving_the_rest()
    {
        _corpus.WriteDocument("empty.md", []);
        _corpus.WriteDocument("binary.md", [0x00, 0x01, 0x02, 0xFF, 0x00]);
        _corpus.WriteDocument("latin1.md", [0x4B, 0x75, 0x72, 0x69, 0x6C, 0x20, 0xE9, 0x74, 0xE9, 0x2E]);
        _corpus.WriteDocument("unclosed.md", "---\ntitle: Never closed\n" + FirstText);
        _corpus.WriteDocument("bad-date.md", "---\npublished: yesterday\n---\n" + FirstText);
        _corpus.WriteDocument("bad-url.md", "---\nurl: javascript:alert(1)\n---\n" + FirstText);
        _corpus.WriteDocument("bad-yaml.md", "---\ntitle: [oops\n---\n" + FirstText);

        using var knowledge = TestKnowledge.Over(_corpus, _logger).Load();

        var warnings = Warnings.ToList();
        Assert.Equal(7, warnings.Count);
        Assert.Contains(warnings, w => w.Message.Contains("empty.md", StringComparison.Ordinal) && w.Message.Contains("empty", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Message.Contains("binary.md", StringComparison.Ordinal) && w.Message.Contains("binary", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Message.Contains("latin1.md", StringComparison.Ordinal) && w.Message.Contains("UTF-8", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Message.Contains("unclosed.md", StringComparison.Ordinal) && w.Message.Contains("closing", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Message.Contains("bad-date.md", StringComparison.Ordinal) && w.Message.Contains("published", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Message.Contains("bad-url.md", StringComparison.Ordinal) && w.Message.Contains("url", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Message.Contains("bad-yaml.md", StringComparison.Ordinal) && w.Message.Contains("front matter", StringComparison.Ordinal));
        Assert.Equal(
            Directory.GetFiles(Path.Combine(RepoPaths.Corpus, "documents")).Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal),
            knowledge.Documents.Select(d => d.Id));
        Assert.True(knowledge.Finds(Deported, "17,000 Japanese civilian residents were deported"));
        Assert.False(knowledge.Finds("Zorblatt accord", "Zorblatt"));
    }

    [Fact]
    public void Reload_picks_up_an_added_an_edited_and_a_removed_document()
    {
        using var knowledge = TestKnowledge.Over(_corpus, _logger).Load();
        Assert.False(knowledge.Finds("Zorblatt accord", "Zorblatt"));

        var path = _corpus.WriteDocument("accords.md", "---\ntitle: Accords\n---\n" + FirstText + "\n");
        Assert.True(knowledge.Reload());
        Assert.True(knowledge.Finds("Zorblatt accord", FirstText));
        Assert.Equal("Accords", knowledge.FindDocument("accords")?.Title);

        File.WriteAllText(path, "---\ntitle: Accords, revised\n---\n" + SecondText + "\n");
        Assert.True(knowledge.Reload());
        Assert.True(knowledge.Finds("Quenfrey accord", SecondText));
        Assert.False(knowledge.Finds("Zorblatt accord", "Zorblatt"));
        Assert.Equal("Accords, revised", knowledge.FindDocument("accords")?.Title);

        File.Delete(path);
        Assert.True(knowledge.Reload());
        Assert.False(knowledge.Finds("Quenfrey accord", "Quenfrey"));
        Assert.Null(knowledge.FindDocument("accords"));
        Assert.True(knowledge.Finds(Deported, "17,000"));
    }

    [Fact]
    public void Reload_keeps_the_previous_index_serving_when_a_resource_file_breaks()
    {
        using var knowledge = TestKnowledge.Over(_corpus, _logger).Load();
        _corpus.WriteDocument("accords.md", FirstText + "\n");
        File.WriteAllText(Path.Combine(_corpus.CorpusPath, "aliases.yaml"), "groups: [ { id: broken\n");

        Assert.False(knowledge.Reload());

        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Error && e.Exception is FormatException f && f.Message.Contains("aliases.yaml", StringComparison.Ordinal));
        Assert.True(knowledge.Finds(Deported, "17,000"));
        Assert.True(knowledge.Finds("Итуруп", "Iturup"));
    }

    [Fact]
    public void Reload_keeps_the_previous_index_serving_when_a_cleaning_pattern_breaks()
    {
        using var knowledge = TestKnowledge.Over(_corpus, _logger).Load();
        var rules = File.ReadAllText(Path.Combine(_corpus.CorpusPath, "cleaning.yaml"));
        Assert.Contains("\ndrop:\n", rules, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_corpus.CorpusPath, "cleaning.yaml"), rules.Replace("\ndrop:\n", "\ndrop:\n  - '(unclosed'\n", StringComparison.Ordinal));

        Assert.False(knowledge.Reload());

        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Error && e.Exception?.Message.Contains("cleaning.yaml", StringComparison.Ordinal) == true);
        Assert.True(knowledge.Finds(Deported, "17,000"));
    }

    [Fact]
    public void Load_fails_naming_a_broken_resource_file()
    {
        File.WriteAllText(Path.Combine(_corpus.CorpusPath, "aliases.yaml"), "groups:\n  - id: x\n");
        using var knowledge = TestKnowledge.Over(_corpus, _logger);

        var error = Assert.Throws<FormatException>(() => knowledge.Load());

        Assert.Contains("aliases.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serves_an_empty_corpus_by_abstaining()
    {
        foreach (var file in Directory.EnumerateFiles(_corpus.DocumentsPath)) File.Delete(file);
        File.Delete(Path.Combine(_corpus.CorpusPath, Timeline.Timeline.FileName)); // its events answer questions too
        using var knowledge = TestKnowledge.Over(_corpus, _logger).Load();

        var answer = knowledge.Ask(Deported);

        Assert.True(answer.Abstained);
        Assert.Empty(answer.Excerpts);
        Assert.Empty(knowledge.Documents);
    }

    [Fact]
    public void Reuses_the_index_of_an_unchanged_corpus_and_removes_outdated_ones()
    {
        using (var first = TestKnowledge.Over(_corpus, _logger).Load())
        {
            Assert.True(first.Finds(Deported, "17,000"));
        }

        var second = new ListLogger<KnowledgeBase>();
        using (var knowledge = TestKnowledge.Over(_corpus, second).Load())
        {
            Assert.Contains(second.Entries, e => e.Message.Contains("existing index", StringComparison.Ordinal));
            Assert.True(knowledge.Finds(Deported, "17,000"));

            _corpus.WriteDocument("accords.md", FirstText + "\n");
            Assert.True(knowledge.Reload());
            Assert.Single(Directory.EnumerateFileSystemEntries(_corpus.DataPath, "index-*"));
        }
    }
}
