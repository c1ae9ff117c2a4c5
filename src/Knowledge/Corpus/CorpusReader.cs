using System.Globalization;
using System.Text;

namespace Kuril.Knowledge.Corpus;

/// <summary>
/// Reads the documents of a corpus folder: every <c>*.md</c> and <c>*.txt</c> file in its <c>documents</c>
/// subfolder, each with optional YAML front matter (title, kind, publisher, published, url, notes).
/// A file that cannot serve (empty, binary, unreadable, too large, broken metadata, a link, a FIFO or device) is
/// reported and skipped.
/// </summary>
public static class CorpusReader
{
    /// <summary>The subfolder of the corpus folder that holds the documents.</summary>
    public const string DocumentsFolder = "documents";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Whether a path names a file the reader would consider a document.</summary>
    public static bool IsDocumentFile(string path)
    {
        var name = Path.GetFileName(path);
        if (name.StartsWith('.') || name.EndsWith('~')) return false;
        var extension = Path.GetExtension(name);
        return extension.Equals(".md", StringComparison.OrdinalIgnoreCase) || extension.Equals(".txt", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Reads every document under <paramref name="corpusPath"/>.</summary>
    /// <param name="corpusPath">The corpus folder.</param>
    /// <param name="maxDocumentBytes">The cap on one document file's size; a bigger file is reported and skipped.</param>
    public static CorpusSnapshot Read(string corpusPath, long maxDocumentBytes = CorpusFiles.DefaultMaxBytes)
    {
        var folder = Path.Combine(corpusPath, DocumentsFolder);
        var documents = new List<CorpusDocument>();
        var problems = new List<CorpusProblem>();
        if (!Directory.Exists(folder))
        {
            problems.Add(new CorpusProblem(DocumentsFolder, $"folder not found at {Path.GetFullPath(folder)}"));
            return new CorpusSnapshot(documents, problems);
        }

        var files = CorpusFiles.List(folder, recursive: false, problems).Where(IsDocumentFile);
        var seenIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var result = ReadDocument(file, maxDocumentBytes);
            if (result.Problem is { } problem)
            {
                problems.Add(new CorpusProblem(name, problem));
            }
            else if (!seenIds.Add(result.Document!.Id))
            {
                problems.Add(new CorpusProblem(name, $"another file already has the id '{result.Document.Id}'"));
            }
            else
            {
                documents.Add(result.Document);
            }
        }

        return new CorpusSnapshot(documents, problems);
    }

    private static (CorpusDocument? Document, string? Problem) ReadDocument(string path, long maxBytes)
    {
        var name = Path.GetFileName(path);
        if (CorpusFiles.TryRead(path, maxBytes, out var bytes) is { } unread) return (null, unread);

        if (Array.IndexOf(bytes, (byte)0) >= 0) return (null, "binary content (contains NUL bytes), not text");
        string content;
        try
        {
            content = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return (null, "not valid UTF-8 text");
        }

        FrontMatter meta;
        string body;
        int bodyLine;
        try
        {
            (meta, body, bodyLine) = FrontMatter.Split(content);
        }
        catch (FormatException e)
        {
            return (null, e.Message);
        }

        if (string.IsNullOrWhiteSpace(body)) return (null, "empty: no text after the front matter");
        if (ControlShare(body) > 0.05) return (null, "binary content (mostly control characters), not text");

        DateOnly? published = null;
        if (!string.IsNullOrWhiteSpace(meta.Published))
        {
            if (!DateOnly.TryParseExact(meta.Published.Trim(), ["yyyy-MM-dd", "yyyy-MM", "yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return (null, $"front matter 'published' is '{meta.Published}', expected a date like 2019-01-23");
            }

            published = date;
        }

        Uri? url = null;
        if (!string.IsNullOrWhiteSpace(meta.Url))
        {
            if (!Uri.TryCreate(meta.Url.Trim(), UriKind.Absolute, out url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                return (null, $"front matter 'url' is '{meta.Url}', expected an absolute http(s) URL");
            }
        }

        // Checked for control characters above as a sign of binary content; cleaned of them and of invisible
        // formatting here, so no reply ever carries them.
        body = VisibleText.Clean(body);
        meta.Title = Clean(meta.Title);
        meta.Publisher = Clean(meta.Publisher);
        var id = Path.GetFileNameWithoutExtension(name);
        var title = string.IsNullOrWhiteSpace(meta.Title) ? FirstLine(body) ?? id : meta.Title.Trim();
        var kind = string.IsNullOrWhiteSpace(meta.Kind) ? "document" : meta.Kind.Trim().ToLowerInvariant();
        var publisher = string.IsNullOrWhiteSpace(meta.Publisher) ? null : meta.Publisher.Trim();
        return (new CorpusDocument(id, name, title, kind, publisher, published, url, body, bodyLine), null);
    }

    private static string? Clean(string? text) => text is null ? null : VisibleText.Clean(text);

    private static string? FirstLine(string body) =>
        body.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) is { } line && line.Length <= 200 ? line : null;

    private static double ControlShare(string body)
    {
        var control = 0;
        foreach (var c in body)
        {
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t')) control++;
        }

        return (double)control / body.Length;
    }
}
