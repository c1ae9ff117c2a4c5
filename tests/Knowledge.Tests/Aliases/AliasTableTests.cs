using Kuril.Knowledge.Aliases;
using Kuril.Knowledge.Tests.Support;
using Kuril.Knowledge.Text;

namespace Kuril.Knowledge.Tests.Aliases;

/// <summary>The alias table: Latin by stem, Cyrillic by word beginning, Japanese anywhere in a run.</summary>
public sealed class AliasTableTests
{
    private static readonly AliasTable Table = AliasTable.Create(
    [
        new AliasGroup("etorofu", ["Etorofu", "Iturup", "択捉島", "Итуруп"]),
        new AliasGroup("kuril", ["Kuril Islands", "Kuril", "Kurile", "Chishima", "千島列島", "Курильские острова"]),
        new AliasGroup("northern-territories", ["Northern Territories", "北方領土", "Южные Курилы"]),
        new AliasGroup("soviet-union", ["Soviet Union", "USSR", "СССР"]),
    ]);

    private static List<AliasMatch> Find(string text)
    {
        var folded = TextNormalizer.Fold(text);
        return Table.Find(folded, Tokenizer.Tokenize(folded));
    }

    [Theory]
    [InlineData("Etorofu", "etorofu")]
    [InlineData("ITURUP", "etorofu")]
    [InlineData("択捉島", "etorofu")]
    [InlineData("Итуруп", "etorofu")]
    [InlineData("  Kurile  ", "kuril")]
    [InlineData("Курильские острова", "kuril")]
    [InlineData("北方領土", "northern-territories")]
    [InlineData("Южные Курилы", "northern-territories")]
    [InlineData("U S S R", null)]
    [InlineData("СССР", "soviet-union")]
    [InlineData("Australia", null)]
    [InlineData("", null)]
    [InlineData("Etorofu volcano", null)]
    public void Resolves_a_whole_name_to_its_group(string name, string? group) =>
        Assert.Equal(group, Table.Resolve(name)?.Id);

    [Fact]
    public void Finds_a_Japanese_name_inside_a_run_of_text()
    {
        var match = Assert.Single(Find("択捉島について教えて"));

        Assert.Equal("etorofu", match.Group.Id);
        Assert.Equal(0, match.Start);
        Assert.Equal(3, match.End);
    }

    [Fact]
    public void Finds_inflected_Russian_forms_by_their_beginning()
    {
        var match = Assert.Single(Find("Что случилось на Итурупе?"));

        Assert.Equal("etorofu", match.Group.Id);
    }

    [Fact]
    public void Finds_plural_and_possessive_English_forms_by_stem()
    {
        Assert.Equal(["kuril", "kuril"], Find("The Kurils and the Kuril's history").Select(m => m.Group.Id));
    }

    [Fact]
    public void Prefers_the_longest_overlapping_name()
    {
        var match = Assert.Single(Find("the Kuril Islands"));

        Assert.Equal("kuril", match.Group.Id);
        Assert.Equal("kuril islands", TextNormalizer.Fold("the Kuril Islands")[match.Start..match.End]);
    }

    [Fact]
    public void Finds_every_name_in_order()
    {
        Assert.Equal(
            ["soviet-union", "etorofu", "northern-territories"],
            Find("The USSR took Iturup, part of the 北方領土.").Select(m => m.Group.Id));
    }

    [Fact]
    public void Finds_nothing_in_unrelated_text()
    {
        Assert.Empty(Find("What is the capital of Australia?"));
        Assert.Empty(AliasTable.Empty.Find("etorofu", Tokenizer.Tokenize("etorofu")));
    }

    [Fact]
    public void Gives_each_group_one_index_term()
    {
        Assert.Equal("zqnorthernterritories", Table.Groups[2].Term);
        Assert.Equal("Northern Territories", Table.Groups[2].DisplayName);
    }

    [Fact]
    public void Loads_the_shipped_table_with_every_place_of_the_dispute()
    {
        var shipped = AliasTable.Load(RepoPaths.Corpus);

        foreach (var (name, id) in new[] { ("Iturup", "etorofu"), ("国後島", "kunashiri"), ("Шикотан", "shikotan"), ("Khabomai", "habomai"), ("Chishima", "kuril"), ("Южные Курилы", "northern-territories"), ("Shimushu", "shumshu"), ("樺太", "sakhalin"), ("СССР", "soviet-union"), ("Kudryavy", "kudriavy") })
        {
            Assert.Equal(id, shipped.Resolve(name)?.Id);
        }
    }

    [Fact]
    public void Reports_a_broken_table_file_by_name()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Combine(AliasTable.FileName), "groups:\n  - id: etorofu\n    names: []\n");

        var error = Assert.Throws<FormatException>(() => AliasTable.Load(dir.Path));
        Assert.Contains(AliasTable.FileName, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_a_missing_table_as_empty()
    {
        using var dir = new TempDirectory();

        Assert.Empty(AliasTable.Load(dir.Path).Groups);
    }
}
