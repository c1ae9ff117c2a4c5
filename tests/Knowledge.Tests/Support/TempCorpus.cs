namespace Kuril.Knowledge.Tests.Support;

/// <summary>
/// A corpus folder in a temp folder with the shipped resources (aliases, cleaning rules, lexicon) and, if asked,
/// the shipped documents; plus a separate data folder for its index.
/// </summary>
internal sealed class TempCorpus : IDisposable
{
    private readonly TempDirectory _root = new();

    public TempCorpus(bool withShippedDocuments = true, bool withResources = true)
    {
        CorpusPath = _root.Combine("corpus");
        DataPath = _root.Combine("data");
        DocumentsPath = System.IO.Path.Combine(CorpusPath, "documents");
        Directory.CreateDirectory(DocumentsPath);
        if (withResources)
        {
            foreach (var file in Directory.EnumerateFiles(RepoPaths.Corpus, "*.yaml"))
            {
                File.Copy(file, System.IO.Path.Combine(CorpusPath, System.IO.Path.GetFileName(file)));
            }

            var lexicon = System.IO.Path.Combine(CorpusPath, "lexicon");
            Directory.CreateDirectory(lexicon);
            foreach (var file in Directory.EnumerateFiles(System.IO.Path.Combine(RepoPaths.Corpus, "lexicon")))
            {
                File.Copy(file, System.IO.Path.Combine(lexicon, System.IO.Path.GetFileName(file)));
            }
        }

        if (withShippedDocuments)
        {
            foreach (var file in Directory.EnumerateFiles(System.IO.Path.Combine(RepoPaths.Corpus, "documents")))
            {
                File.Copy(file, System.IO.Path.Combine(DocumentsPath, System.IO.Path.GetFileName(file)));
            }
        }
    }

    public string CorpusPath { get; }

    public string DocumentsPath { get; }

    public string DataPath { get; }

    /// <summary>Writes a document file and returns its path.</summary>
    public string WriteDocument(string fileName, string text)
    {
        var path = System.IO.Path.Combine(DocumentsPath, fileName);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Writes a document file's raw bytes and returns its path.</summary>
    public string WriteDocument(string fileName, byte[] bytes)
    {
        var path = System.IO.Path.Combine(DocumentsPath, fileName);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => _root.Dispose();
}
