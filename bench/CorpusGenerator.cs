using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Kuril.Bench;

/// <summary>
/// A large corpus made from the shipped one: its resource files and real documents, plus generated documents
/// whose sentences keep the real sentences' shapes (length, punctuation, capitals, numbers) with about half of
/// their words swapped for words of the corpus's own vocabulary. Seeded, so every run indexes the same text.
/// </summary>
public static partial class CorpusGenerator
{
    private const int TargetDocumentBytes = 5_000;

    /// <summary>Copies the shipped corpus to <paramref name="target"/> and adds documents until there are <paramref name="documents"/>.</summary>
    /// <returns>The bytes of document text written.</returns>
    public static long Generate(string target, int documents)
    {
        CopyFolder(RepoPaths.Corpus, target);
        var documentsFolder = Path.Combine(target, "documents");
        var realDocuments = Directory.GetFiles(documentsFolder);
        var sentences = new List<string>();
        foreach (var file in realDocuments)
        {
            foreach (var line in StripFrontMatter(File.ReadAllText(file)).Split('\n'))
            {
                sentences.AddRange(SentenceEnd().Split(line.Trim()).Where(s => s.Length >= 30));
            }
        }

        var vocabulary = sentences.SelectMany(s => Word().Matches(s).Select(m => m.Value)).Where(w => w.Length > 2).Distinct(StringComparer.Ordinal).ToArray();
        var random = new Random(20_260_101);
        long bytes = realDocuments.Sum(f => new FileInfo(f).Length);
        var text = new StringBuilder(TargetDocumentBytes + 1_000);
        for (var n = realDocuments.Length; n < documents; n++)
        {
            text.Clear();
            text.Append(CultureInfo.InvariantCulture, $"---\ntitle: \"Generated report {n}\"\nkind: news\npublisher: \"Bench Press\"\npublished: 2020-01-01\n---\n");
            while (text.Length < TargetDocumentBytes)
            {
                // A paragraph of two to six sentences, as the real news documents have.
                var count = random.Next(2, 7);
                for (var i = 0; i < count; i++)
                {
                    if (i > 0) text.Append(' ');
                    text.Append(Mutate(sentences[random.Next(sentences.Count)], vocabulary, random));
                }

                text.Append("\n\n");
            }

            var path = Path.Combine(documentsFolder, string.Create(CultureInfo.InvariantCulture, $"generated-{n:D5}.md"));
            File.WriteAllText(path, text.ToString());
            bytes += Encoding.UTF8.GetByteCount(text.ToString());
        }

        return bytes;
    }

    private static string Mutate(string sentence, string[] vocabulary, Random random) =>
        Word().Replace(sentence, m =>
        {
            if (m.Value.Length <= 2 || random.NextDouble() < 0.5) return m.Value;
            var word = vocabulary[random.Next(vocabulary.Length)];
            return char.IsUpper(m.Value[0]) ? char.ToUpperInvariant(word[0]) + word[1..] : word.ToLowerInvariant();
        });

    private static string StripFrontMatter(string text)
    {
        if (!text.StartsWith("---", StringComparison.Ordinal)) return text;
        var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        return end < 0 ? text : text[(end + 4)..];
    }

    private static void CopyFolder(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    [GeneratedRegex(@"(?<=[.?!])\s+(?=[A-Z""])", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\p{L}+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
