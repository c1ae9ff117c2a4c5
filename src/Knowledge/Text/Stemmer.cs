using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Ru;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Kuril.Knowledge.Text;

/// <summary>
/// Word forms reduced by Lucene.Net's analysers: Porter stems for English words, RussianAnalyzer's Snowball stems
/// (its stop words dropped) for Russian ones, CJKAnalyzer's overlapping bigrams for Japanese and Chinese runs.
/// </summary>
public static class Stemmer
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    // Words repeat heavily across a corpus; a stem is computed once (bounded, since questions bring endless words).
    private const int MaxCached = 100_000;

    private static readonly Analyzer EnglishAnalyzer = Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new KeywordTokenizer(reader);
        return new TokenStreamComponents(source, new PorterStemFilter(source));
    });

    private static readonly Analyzer RussianWords = new RussianAnalyzer(Version);
    private static readonly Analyzer CjkWords = new CJKAnalyzer(Version);
    private static readonly ConcurrentDictionary<string, string> EnglishCache = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string> RussianCache = new(StringComparer.Ordinal);

    /// <summary>The Porter stem of a folded English word ("deported" → "deport").</summary>
    public static string English(string word) => Cached(EnglishCache, word, w => Analyze(EnglishAnalyzer, w).FirstOrDefault() ?? w);

    /// <summary>The stem of a folded Russian word ("курильских" and "курильские" meet), or "" for a stop word.</summary>
    public static string Russian(string word) => Cached(RussianCache, word, w => Analyze(RussianWords, w).FirstOrDefault() ?? string.Empty);

    /// <summary>Overlapping character pairs of a run of Japanese or Chinese text ("択捉島" → "択捉", "捉島").</summary>
    public static List<string> CjkBigrams(string run) => Analyze(CjkWords, run);

    private static string Cached(ConcurrentDictionary<string, string> cache, string word, Func<string, string> stem)
    {
        if (cache.TryGetValue(word, out var known)) return known;
        var value = stem(word);
        if (cache.Count < MaxCached) cache.TryAdd(word, value);
        return value;
    }

    private static List<string> Analyze(Analyzer analyzer, string text)
    {
        var terms = new List<string>(1);
        using var stream = analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(term.ToString());
        stream.End();
        return terms;
    }
}
