using Kuril.Knowledge.Aliases;
using Kuril.Knowledge.Cleaning;
using Kuril.Knowledge.Positions;
using Kuril.Knowledge.Search;
using Kuril.Knowledge.Text;

namespace Kuril.Knowledge;

/// <summary>The data files beside the documents that shape cleaning, indexing and matching.</summary>
/// <param name="Rules">Cleaning rules (<c>cleaning.yaml</c>).</param>
/// <param name="Words">The English word list.</param>
/// <param name="Aliases">The alias table (<c>aliases.yaml</c>): places and parties.</param>
/// <param name="Synonyms">Words that count as one (<c>synonyms.yaml</c>).</param>
/// <param name="StopWords">Words that carry no topic.</param>
/// <param name="Events">Names of treaties, declarations, conferences and events (<c>events.yaml</c>), each with its year.</param>
/// <param name="Positions">Which side a passage states (<c>positions.yaml</c>); null when the file is missing or broken.</param>
public sealed record KnowledgeResources(CleaningRules Rules, WordList Words, AliasTable Aliases, AliasTable Synonyms, StopWords StopWords, AliasTable Events, PositionRules? Positions)
{
    /// <summary>Why <c>positions.yaml</c> could not be used for ranking, when it is broken.</summary>
    public string? PositionsProblem { get; init; }

    /// <summary>The synonym table's file name inside the corpus folder.</summary>
    public const string SynonymsFileName = "synonyms.yaml";

    /// <summary>Aliases and synonyms together: every group whose names stand for one index term.</summary>
    public AliasTable TermGroups { get; } = AliasTable.Create([.. Aliases.Groups, .. Synonyms.Groups]);

    /// <summary>The analyzer of passages and questions over these resources.</summary>
    public TermAnalyzer CreateAnalyzer() => new(TermGroups, StopWords, Events, Positions);

    /// <summary>Reads every resource of a corpus folder.</summary>
    /// <exception cref="FormatException">A resource file is broken; the message names it.</exception>
    public static KnowledgeResources Load(string corpusPath)
    {
        // Broken position rules cost the ranking its stance terms, not the corpus its answers.
        PositionRules? positions = null;
        string? problem = null;
        try
        {
            positions = PositionRules.Load(corpusPath);
        }
        catch (FormatException e)
        {
            problem = e.Message;
        }

        return new(
            CleaningRules.Load(corpusPath),
            WordList.Load(corpusPath),
            AliasTable.Load(corpusPath),
            AliasTable.Load(corpusPath, SynonymsFileName),
            StopWords.Load(corpusPath),
            AliasTable.Load(corpusPath, AliasTable.EventsFileName),
            positions)
        {
            PositionsProblem = problem,
        };
    }
}
