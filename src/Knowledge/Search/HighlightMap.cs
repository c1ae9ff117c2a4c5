using Kuril.Knowledge.Answers;

namespace Kuril.Knowledge.Search;

/// <summary>
/// The words of one text and, for each, the terms that would mark it: built once for a passage
/// (<see cref="TermAnalyzer.Map"/>), then matched against each question's terms.
/// </summary>
public sealed class HighlightMap
{
    private readonly TextSpan[] _words;
    private readonly string[][] _terms;
    private readonly bool[] _spaceBeforeNext;

    internal HighlightMap(TextSpan[] words, string[][] terms, bool[] spaceBeforeNext)
    {
        _words = words;
        _terms = terms;
        _spaceBeforeNext = spaceBeforeNext;
    }

    /// <summary>The stretches to mark for a question's terms, in order, not overlapping.</summary>
    public IReadOnlyList<TextSpan> Spans(IReadOnlySet<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        List<TextSpan>? spans = null;
        for (var w = 0; w < _words.Length; w++)
        {
            if (!Marked(w, terms)) continue;

            // Neighbouring marked words separated by one space are one span ("Sea of Okhotsk" stays one bold run).
            var start = _words[w].Start;
            while (w + 1 < _words.Length && _spaceBeforeNext[w] && Marked(w + 1, terms)) w++;
            (spans ??= []).Add(new TextSpan(start, _words[w].End - start));
        }

        return spans ?? [];
    }

    private bool Marked(int word, IReadOnlySet<string> terms)
    {
        foreach (var term in _terms[word])
        {
            if (terms.Contains(term)) return true;
        }

        return false;
    }
}
