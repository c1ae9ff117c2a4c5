using Kuril.Knowledge.Positions;

namespace Kuril.Bot.Tests.Positions;

public sealed class PositionRulesTests
{
    private static readonly PositionRules Shipped = PositionRules.Load(RepoPaths.Corpus);

    [Theory]
    [InlineData("The Northern Territories are an integral part of Japan's territory, but currently they are illegally occupied by Russia.", "japan")]
    [InlineData("Japan insists that the southern Kuril Islands remain its sovereign territory.", "japan")]
    [InlineData("However, Moscow argues that the Yalta agreement explicitly gave it control of all the Kurils.", "russia")]
    [InlineData("For Russia, the islands are its rightful territories, obtained in exchange for joining the United States against Japan in World War II.", "russia")]
    [InlineData("Ever since, Moscow has considered the Kuril Islands an integral part of Russia.", "russia")]
    [InlineData("Russia's position is that the southern Kurils became Soviet territory lawfully, as a result of the war.", "russia")]
    public void The_shipped_rules_tell_which_side_a_passage_states(string text, string side)
    {
        Assert.Equal(side, Shipped.Classify(text)?.Id);
    }

    [Theory]
    [InlineData("Soviet marines constructed a temporary pier allowing heavy artillery to be unloaded.")]
    [InlineData("Russia and Japan have still not formally ended World War II hostilities because of the dispute.")]
    [InlineData("Japan's Prime Minister met Russia's President in Moscow.")]
    public void A_passage_stating_neither_side_is_not_classified(string text)
    {
        Assert.Null(Shipped.Classify(text));
    }

    [Fact]
    public void A_passage_matching_both_sides_equally_states_neither()
    {
        var rules = PositionRules.Parse("""
            sides:
              - { id: a, name: A, patterns: [alpha] }
              - { id: b, name: B, patterns: [beta, gamma] }
            """);

        Assert.Null(rules.Classify("alpha and beta"));
        Assert.Equal("b", rules.Classify("alpha, beta and gamma")?.Id);
        Assert.Equal("a", rules.Classify("ALPHA")?.Id);
    }

    [Theory]
    [InlineData("sides: [{ id: a, name: A, patterns: ['(unclosed'] }]", "not a valid regular expression")]
    [InlineData("sides: [{ id: a, name: A }]", "at least one pattern")]
    [InlineData("sides: [ {", "positions.yaml")]
    public void Broken_rules_are_reported_with_the_file_name(string yaml, string message)
    {
        var error = Assert.Throws<FormatException>(() => PositionRules.Parse(yaml));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
