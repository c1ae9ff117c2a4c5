using Kuril.Knowledge.Answers;
using Kuril.Knowledge.Tests.Support;

namespace Kuril.Knowledge.Tests.Index;

/// <summary>
/// What a kill during an index build can leave behind (a temporary folder never renamed into place), or a damaged
/// folder at the final name, never serves and never stops the next start from answering.
/// </summary>
public sealed class IndexFolderTests : IDisposable
{
    private const string Deported = "How many Japanese civilians were deported from the Kurils?";

    private readonly TempCorpus _corpus = new(withShippedDocuments: true);
    private readonly ListLogger<KnowledgeBase> _logger = new();

    public void Dispose() => _corpus.Dispose();

    [Fact]
    public void A_folder_left_by_a_killed_build_is_not_opened_and_is_removed_by_the_next_start()
    {
        string final;
        using (var first = TestKnowledge.Over(_corpus, _logger).Load())
        {
            final = IndexFolder();
        }

        // A build killed half way: the temporary folder beside the final one, holding part of an index.
        var leftover = final + ".0123456789abcdef0123456789abcdef.building";
        Directory.CreateDirectory(leftover);
        File.WriteAllBytes(Path.Combine(leftover, "_0.cfs"), [1, 2, 3]);
        Directory.Delete(final, recursive: true);

        using var knowledge = TestKnowledge.Over(_corpus, _logger).Load();

        Assert.True(knowledge.Finds(Deported, "17,000 Japanese civilian residents were deported"));
        Assert.False(Directory.Exists(leftover));
        Assert.Equal([final], Directory.GetFileSystemEntries(_corpus.DataPath, "index-*"));
    }

    [Theory]
    [InlineData("segments")]
    [InlineData(".tim")]
    [InlineData(".si")]
    public void A_damaged_index_folder_is_rebuilt_on_the_next_start(string damaged)
    {
        string final;
        using (var first = TestKnowledge.Over(_corpus, _logger).Load())
        {
            final = IndexFolder();
        }

        // Cut a file of the index short, as a disk filling up or a copy stopped half way would.
        var file = Directory.GetFiles(final).First(f => Path.GetFileName(f).Contains(damaged, StringComparison.Ordinal));
        File.WriteAllBytes(file, File.ReadAllBytes(file)[..(int)Math.Min(new FileInfo(file).Length / 2, 40)]);

        var logger = new ListLogger<KnowledgeBase>();
        using var knowledge = TestKnowledge.Over(_corpus, logger).Load();

        Assert.Contains(logger.Entries, e => e.Message.Contains("(built)", StringComparison.Ordinal));
        Assert.True(knowledge.Finds(Deported, "17,000 Japanese civilian residents were deported"));
    }

    [Fact]
    public async Task Queries_that_started_before_a_reload_finish_on_the_index_they_started_with()
    {
        using var knowledge = TestKnowledge.Over(_corpus, _logger).Load();
        var before = knowledge.Ask(Deported);

        var tasks = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 50; i++) Assert.False(knowledge.Ask(Deported).Abstained);
        })).ToList();
        _corpus.WriteDocument("accords.md", "---\ntitle: Accords\n---\nThe Zorblatt accord of 1799 gave Japan a lighthouse on Shikotan.\n");
        Assert.True(knowledge.Reload());
        await Task.WhenAll(tasks);

        Assert.Equal(before.Excerpts[0].Text, knowledge.Ask(Deported).Excerpts[0].Text);
        Assert.True(knowledge.Finds("Zorblatt accord", "Zorblatt"));
    }

    [Fact]
    public void A_start_with_the_index_present_answers_and_still_names_the_files_skipped()
    {
        _corpus.WriteDocument("empty.md", string.Empty);
        using (var first = TestKnowledge.Over(_corpus, _logger).Load())
        {
            Assert.Contains(_logger.Entries, e => e.Message.Contains("(built)", StringComparison.Ordinal));
        }

        var logger = new ListLogger<KnowledgeBase>();
        using var knowledge = TestKnowledge.Over(_corpus, logger).Load();

        Assert.Contains(logger.Entries, e => e.Message.Contains("(existing index)", StringComparison.Ordinal));
        Assert.Contains(logger.Entries, e => e.Message.Contains("empty.md skipped", StringComparison.Ordinal));
        Assert.True(knowledge.Finds(Deported, "17,000 Japanese civilian residents were deported"));
        Assert.Contains(knowledge.Documents, d => d.Id == "kuril-collected-excerpts");
    }

    private string IndexFolder() => Assert.Single(Directory.GetDirectories(_corpus.DataPath, "index-*"));
}
