using Kuril.Knowledge.Aliases;
using Kuril.Knowledge.Text;

namespace Kuril.Knowledge.Search;

/// <summary>Turns text into index terms the same way for passages and for questions.</summary>
/// <param name="aliases">Names that stand for one group whatever their spelling or script.</param>
/// <param name="stopWords">Words left out.</param>
public sealed class TermAnalyzer(AliasTable aliases, StopWords stopWords)
{
    /// <summary>Terms of a passage: every content word's stem, and the term of every alias group it names.</summary>
    public List<string> PassageTerms(string text)
    {
        var analyzed = Analyze(text);
        var terms = analyzed.Words.Select(w => w.Term).ToList();
        terms.AddRange(analyzed.Aliases.Select(a => a.Group.Term));
        return terms;
    }

    /// <summary>Folds and tokenizes text, finds alias names in it, and stems its content words.</summary>
    public AnalyzedText Analyze(string text)
    {
        var folded = TextNormalizer.Fold(text);
        var tokens = Tokenizer.Tokenize(folded);
        var matches = aliases.Find(folded, tokens);
        var words = new List<AnalyzedWord>(tokens.Count);
        foreach (var token in tokens)
        {
            if (token.Script == TokenScript.Latin && token.Value.Length < 2) continue;
            var term = Tokenizer.Term(token);
            if (stopWords.Contains(term)) continue;
            var inAlias = matches.Any(m => m.Covers(token.Start));
            words.Add(new AnalyzedWord(term, token, inAlias));
        }

        return new AnalyzedText(folded, words, matches);
    }
}
