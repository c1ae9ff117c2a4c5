using Kuril.Knowledge.Corpus;

namespace Kuril.Knowledge.Text;

/// <summary>Words that carry no topic, kept as data in <c>corpus/lexicon/stopwords.txt</c>.</summary>
public sealed class StopWords
{
    /// <summary>The list's path inside the corpus folder.</summary>
    public static readonly string RelativePath = Path.Combine("lexicon", "stopwords.txt");

    private readonly HashSet<string> _terms;

    private StopWords(HashSet<string> terms) => _terms = terms;

    /// <summary>An empty list.</summary>
    public static StopWords Empty { get; } = new([]);

    /// <summary>Builds a list from words directly.</summary>
    public static StopWords Create(IEnumerable<string> words) =>
        new(words.SelectMany(Tokenizer.Terms).ToHashSet(StringComparer.Ordinal));

    /// <summary>Reads the list of a corpus folder; a missing file gives an empty list.</summary>
    public static StopWords Load(string corpusPath)
    {
        var path = Path.Combine(corpusPath, RelativePath);
        return File.Exists(path)
            ? Create(CorpusFiles.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
            : Empty;
    }

    /// <summary>Whether an index term (stemmed) is a stop word.</summary>
    public bool Contains(string term) => _terms.Contains(term);
}
