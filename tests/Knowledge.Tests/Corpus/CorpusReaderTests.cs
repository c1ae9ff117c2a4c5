using System.Text;
using Kuril.Knowledge.Corpus;
using Kuril.Knowledge.Tests.Support;

namespace Kuril.Knowledge.Tests.Corpus;

/// <summary>Reading the documents folder: good files with their metadata; bad files skipped, each with its reason.</summary>
public sealed class CorpusReaderTests : IDisposable
{
    private const string GoodBody = "The Soviet Union occupied Shumshu in August 1945.\n";

    private readonly TempCorpus _corpus = new(withShippedDocuments: false, withResources: false);

    public void Dispose() => _corpus.Dispose();

    public static TheoryData<string, byte[], string> BadFiles => new()
    {
        { "empty.md", [], "empty" },
        { "blank.md", Encoding.UTF8.GetBytes("  \n\n\t \n"), "empty" },
        { "front-matter-only.md", Encoding.UTF8.GetBytes("---\ntitle: Nothing here\n---\n\n"), "empty" },
        { "binary.md", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52], "binary" },
        { "nul.txt", Encoding.UTF8.GetBytes("Soviet troops\0 landed on Shumshu."), "binary" },
        { "controls.md", Encoding.UTF8.GetBytes("Kuril\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008 Islands \u000E\u000F\u0010\u0011"), "binary" },
        { "latin1.md", [0x4B, 0x75, 0x72, 0x69, 0x6C, 0x20, 0xE9, 0x74, 0xE9, 0x20, 0x31, 0x39, 0x34, 0x35, 0x2E], "UTF-8" },
        { "truncated-utf8.md", [0x4B, 0x75, 0x72, 0x69, 0x6C, 0x20, 0xE6, 0x8B], "UTF-8" },
        { "unclosed.md", Encoding.UTF8.GetBytes("---\ntitle: Never closed\nkind: news\n\n" + GoodBody), "closing '---'" },
        { "invalid-yaml.md", Encoding.UTF8.GetBytes("---\ntitle: [unclosed, list\nkind: news\n---\n" + GoodBody), "front matter is not valid" },
        { "yaml-tabs.md", Encoding.UTF8.GetBytes("---\ntitle: \"unterminated\n---\n" + GoodBody), "front matter is not valid" },
        { "bad-date.md", Encoding.UTF8.GetBytes("---\ntitle: Bad date\npublished: 23/01/2019\n---\n" + GoodBody), "'published'" },
        { "impossible-date.md", Encoding.UTF8.GetBytes("---\ntitle: Bad date\npublished: 2019-02-30\n---\n" + GoodBody), "'published'" },
        { "bad-url.md", Encoding.UTF8.GetBytes("---\ntitle: Bad url\nurl: not a url\n---\n" + GoodBody), "'url'" },
        { "ftp-url.md", Encoding.UTF8.GetBytes("---\ntitle: Bad url\nurl: ftp://example.org/a\n---\n" + GoodBody), "'url'" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Skips_a_bad_file_naming_it_and_the_reason_and_keeps_the_good_ones(string fileName, byte[] content, string reason)
    {
        _corpus.WriteDocument("good.md", "---\ntitle: Good\n---\n" + GoodBody);
        _corpus.WriteDocument(fileName, content);

        var snapshot = CorpusReader.Read(_corpus.CorpusPath);

        var problem = Assert.Single(snapshot.Problems);
        Assert.Equal(fileName, problem.FileName);
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
        var document = Assert.Single(snapshot.Documents);
        Assert.Equal("good", document.Id);
    }

    [Fact]
    public void Reports_every_bad_file_at_once()
    {
        _corpus.WriteDocument("good.md", GoodBody);
        foreach (var row in BadFiles)
        {
            var (fileName, content, _) = row.Data;
            _corpus.WriteDocument(fileName, content);
        }

        var snapshot = CorpusReader.Read(_corpus.CorpusPath);

        Assert.Equal(BadFiles.Select(r => r.Data.Item1).Order(StringComparer.Ordinal), snapshot.Problems.Select(p => p.FileName).Order(StringComparer.Ordinal));
        Assert.Equal("good", Assert.Single(snapshot.Documents).Id);
    }

    [Fact]
    public void Reads_front_matter_into_the_citation_metadata()
    {
        _corpus.WriteDocument("moscow-times.md",
            "\uFEFF---\ntitle: \"Putin Says Any Deal Needs Public Support\"\nkind: News\npublisher: The Moscow Times\npublished: 2019-01-23\nurl: https://example.org/a?b=1\nnotes: anything\n---\n\n" + GoodBody);

        var document = Assert.Single(CorpusReader.Read(_corpus.CorpusPath).Documents);

        Assert.Equal("moscow-times", document.Id);
        Assert.Equal("moscow-times.md", document.FileName);
        Assert.Equal("Putin Says Any Deal Needs Public Support", document.Title);
        Assert.Equal("news", document.Kind);
        Assert.Equal("The Moscow Times", document.Publisher);
        Assert.Equal(new DateOnly(2019, 1, 23), document.Published);
        Assert.Equal(new Uri("https://example.org/a?b=1"), document.Url);
        Assert.Equal(9, document.BodyLine);
        Assert.Equal("\n" + GoodBody, document.Body);
    }

    [Theory]
    [InlineData("2019", 2019, 1)]
    [InlineData("2019-07", 2019, 7)]
    public void Reads_a_year_or_a_month_as_a_date(string published, int year, int month)
    {
        _corpus.WriteDocument("dated.md", $"---\npublished: {published}\n---\n{GoodBody}");

        Assert.Equal(new DateOnly(year, month, 1), Assert.Single(CorpusReader.Read(_corpus.CorpusPath).Documents).Published);
    }

    [Fact]
    public void Reads_a_file_without_front_matter_with_its_first_line_as_title()
    {
        _corpus.WriteDocument("plain.txt", "\n\nThe Kuril Islands\n\n" + GoodBody);

        var document = Assert.Single(CorpusReader.Read(_corpus.CorpusPath).Documents);

        Assert.Equal("The Kuril Islands", document.Title);
        Assert.Equal("document", document.Kind);
        Assert.Null(document.Published);
        Assert.Null(document.Url);
        Assert.Equal(1, document.BodyLine);
        Assert.False(document.IsCompilation);
    }

    [Fact]
    public void Treats_null_metadata_as_unknown()
    {
        _corpus.WriteDocument("nulls.md", "---\ntitle: Collected\nkind: compilation\npublisher: null\npublished: null\nurl: null\n---\n" + GoodBody);

        var document = Assert.Single(CorpusReader.Read(_corpus.CorpusPath).Documents);

        Assert.True(document.IsCompilation);
        Assert.Null(document.Publisher);
        Assert.Null(document.Published);
        Assert.Null(document.Url);
    }

    [Fact]
    public void Skips_a_second_file_with_the_same_id()
    {
        _corpus.WriteDocument("same.md", GoodBody);
        _corpus.WriteDocument("same.txt", GoodBody);

        var snapshot = CorpusReader.Read(_corpus.CorpusPath);

        Assert.Equal("same.md", Assert.Single(snapshot.Documents).FileName);
        var problem = Assert.Single(snapshot.Problems);
        Assert.Equal("same.txt", problem.FileName);
        Assert.Contains("id 'same'", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Ignores_hidden_backup_and_non_text_files()
    {
        _corpus.WriteDocument("good.md", GoodBody);
        _corpus.WriteDocument(".hidden.md", GoodBody);
        _corpus.WriteDocument("good.md~", GoodBody);
        _corpus.WriteDocument("scan.pdf", [0x25, 0x50, 0x44, 0x46, 0x00]);
        _corpus.WriteDocument("notes.yaml", "title: [broken");

        var snapshot = CorpusReader.Read(_corpus.CorpusPath);

        Assert.Equal("good", Assert.Single(snapshot.Documents).Id);
        Assert.Empty(snapshot.Problems);
    }

    [Fact]
    public void Reports_a_missing_documents_folder()
    {
        Directory.Delete(_corpus.DocumentsPath);

        var snapshot = CorpusReader.Read(_corpus.CorpusPath);

        Assert.Empty(snapshot.Documents);
        Assert.Equal(CorpusReader.DocumentsFolder, Assert.Single(snapshot.Problems).FileName);
    }

    [Fact]
    public void Orders_documents_by_file_name()
    {
        _corpus.WriteDocument("b.md", GoodBody);
        _corpus.WriteDocument("a.md", GoodBody);
        _corpus.WriteDocument("c.txt", GoodBody);

        Assert.Equal(["a", "b", "c"], CorpusReader.Read(_corpus.CorpusPath).Documents.Select(d => d.Id));
    }
}
