using Kuril.Knowledge.Corpus;

namespace Kuril.Knowledge.Cleaning;

/// <summary>The English word list kept as data in <c>corpus/lexicon/english-words.txt</c>.</summary>
public sealed class WordList
{
    /// <summary>The list's path inside the corpus folder.</summary>
    public static readonly string RelativePath = Path.Combine("lexicon", "english-words.txt");

    private WordList(HashSet<string> exact, HashSet<string> lower)
    {
        Exact = exact;
        Lower = lower;
    }

    /// <summary>Words as listed: proper nouns capitalised.</summary>
    public IReadOnlySet<string> Exact { get; }

    /// <summary>The listed words in lower case.</summary>
    public IReadOnlySet<string> Lower { get; }

    /// <summary>An empty list, for corpora that ship none.</summary>
    public static WordList Empty { get; } = new([], []);

    /// <summary>Reads the list of a corpus folder; a missing file gives an empty list.</summary>
    public static WordList Load(string corpusPath)
    {
        var path = Path.Combine(corpusPath, RelativePath);
        if (!File.Exists(path)) return Empty;
        var exact = new HashSet<string>(StringComparer.Ordinal);
        var lower = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in CorpusFiles.ReadLines(path))
        {
            var word = line.Trim();
            if (word.Length == 0 || word.StartsWith('#')) continue;
            exact.Add(word);
            lower.Add(word.ToLowerInvariant());
        }

        return new WordList(exact, lower);
    }
}
