using Kuril.Knowledge.Aliases;
using Kuril.Knowledge.Cleaning;
using Kuril.Knowledge.Text;

namespace Kuril.Knowledge;

/// <summary>The data files beside the documents that shape cleaning, indexing and matching.</summary>
/// <param name="Rules">Cleaning rules (<c>cleaning.yaml</c>).</param>
/// <param name="Words">The English word list.</param>
/// <param name="Aliases">The alias table (<c>aliases.yaml</c>).</param>
/// <param name="StopWords">Words that carry no topic.</param>
public sealed record KnowledgeResources(CleaningRules Rules, WordList Words, AliasTable Aliases, StopWords StopWords)
{
    /// <summary>Reads every resource of a corpus folder.</summary>
    /// <exception cref="FormatException">A resource file is broken; the message names it.</exception>
    public static KnowledgeResources Load(string corpusPath) => new(
        CleaningRules.Load(corpusPath),
        WordList.Load(corpusPath),
        AliasTable.Load(corpusPath),
        StopWords.Load(corpusPath));
}
