using Kuril.Knowledge.Answers;
using Kuril.Knowledge.Positions;
using Kuril.Knowledge.Search;
using Kuril.Knowledge.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Kuril.Knowledge.Tests.Search;

/// <summary>Questions about one side's argument rank passages stating that side's position first (positions.yaml).</summary>
public sealed class StanceTermTests(ShippedCorpusFixture shipped) : IClassFixture<ShippedCorpusFixture>
{
    private static readonly Lazy<TermAnalyzer> Analyzer = new(() => KnowledgeResources.Load(RepoPaths.Corpus).CreateAnalyzer());
    private static readonly Lazy<PositionRules> Rules = new(() => PositionRules.Load(RepoPaths.Corpus));

    [Theory]
    [InlineData("Why does Japan say the islands belong to it?", "japan")]
    [InlineData("What is Moscow's legal argument for keeping the islands?", "russia")]
    [InlineData("Какова позиция России по Курилам?", "russia")]
    public void A_question_asking_for_one_sides_argument_asks_for_passages_stating_it(string question, string side) =>
        Assert.Contains(Analyzer.Value.QueryTerms(question), t => t.Term == TermAnalyzer.StanceTermPrefix + side);

    [Theory]
    [InlineData("When did Japan and Russia sign the 1956 declaration?")]
    [InlineData("What do Japan and Russia each argue?")]
    [InlineData("How big is Etorofu?")]
    public void A_question_naming_no_single_side_or_asking_no_argument_does_not(string question) =>
        Assert.DoesNotContain(Analyzer.Value.QueryTerms(question), t => t.Term.StartsWith(TermAnalyzer.StanceTermPrefix, StringComparison.Ordinal));

    [Theory]
    [InlineData("Why does Japan say the islands belong to it?", "japan")]
    [InlineData("What is Russia's position on the Kuril Islands?", "russia")]
    [InlineData("What is Moscow's legal argument for keeping the islands?", "russia")]
    [InlineData("What is the Kremlin's legal case for holding the southern Kurils?", "russia")]
    [InlineData("Why does Russia argue the islands are legally its own?", "russia")]
    public void The_first_excerpt_states_the_side_asked_about(string question, string side)
    {
        var answer = shipped.Knowledge.Ask(question, 3);

        Assert.False(answer.Abstained);
        Assert.Equal(side, Rules.Value.Classify(answer.Excerpts[0].Text)?.Id);
    }

    [Fact]
    public void Broken_position_rules_leave_the_corpus_answering_with_a_warning_naming_the_file()
    {
        using var corpus = new TempCorpus();
        File.WriteAllText(Path.Combine(corpus.CorpusPath, PositionRules.FileName), "sides:\n  - id: japan\n    name: Japan\n    patterns: ['(unclosed']\n");
        var logger = new ListLogger<KnowledgeBase>();
        using var knowledge = TestKnowledge.Over(corpus, logger).Load();

        Assert.True(knowledge.Finds("How many Japanese civilians were deported from the Kurils?", "17,000"));
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains(PositionRules.FileName, StringComparison.Ordinal));
    }
}
