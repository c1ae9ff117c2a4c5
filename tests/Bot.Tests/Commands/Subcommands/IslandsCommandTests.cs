namespace Kuril.Bot.Tests.Commands.Subcommands;

public sealed class IslandsCommandTests
{
    [Theory]
    [InlineData("択捉島", "Etorofu", "Итуруп")]
    [InlineData("Iturup", "Etorofu", "択捉島")]
    [InlineData("Итуруп", "Etorofu", "Iturup")]
    [InlineData("kunashir", "Kunashiri", "国後島")]
    [InlineData("色丹", "Shikotan", "Шикотан")]
    [InlineData("Khabomai", "Habomai", "歯舞群島")]
    public async Task Any_alias_gives_the_island_card_with_names_in_three_languages_and_cited_facts(string name, string island, string otherName)
    {
        using var bot = new TestBot();

        var reply = await bot.RunAsync("islands", name);

        Assert.StartsWith(island, reply.Title, StringComparison.Ordinal);
        Assert.Contains(reply.Paragraphs, p => p.StartsWith("English: " + island, StringComparison.Ordinal));
        Assert.Contains(reply.Paragraphs, p => p.StartsWith("Japanese: ", StringComparison.Ordinal));
        Assert.Contains(reply.Paragraphs, p => p.StartsWith("Russian: ", StringComparison.Ordinal));
        Assert.Contains(otherName, string.Join("\n", reply.Paragraphs), StringComparison.Ordinal);
        Assert.NotEmpty(reply.Excerpts);
        Assert.All(reply.Excerpts, e => Assert.False(string.IsNullOrEmpty(e.Citation)));
        Assert.Contains("Helpful", reply.Buttons.Select(b => b.Label));
    }

    [Fact]
    public async Task Without_a_name_all_four_islands_are_listed()
    {
        using var bot = new TestBot();

        var text = ReplyAssert.Text(await bot.RunAsync("islands"));

        foreach (var island in new[] { "Etorofu", "Kunashiri", "Shikotan", "Habomai", "択捉島", "Кунашир" })
        {
            Assert.Contains(island, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Sakhalin")]
    [InlineData("Atlantis")]
    public async Task A_name_that_is_not_a_disputed_island_is_explained(string name)
    {
        using var bot = new TestBot();

        var reply = await bot.RunAsync("islands", name);

        Assert.Equal("Not one of the disputed islands", reply.Title);
        Assert.Empty(reply.Excerpts);
    }
}
