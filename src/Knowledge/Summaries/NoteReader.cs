using System.Text;
using Kuril.Knowledge.Corpus;
using Kuril.Knowledge.Timeline;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kuril.Knowledge.Summaries;

/// <summary>
/// Reads the reference notes of a corpus folder: every <c>notes/*.md</c>, a YAML front matter with <c>title</c> and
/// <c>sources</c> (as in <c>timeline.yaml</c>) above the statement. A note that cannot serve is reported and skipped.
/// </summary>
public static class NoteReader
{
    /// <summary>The subfolder of the corpus folder that holds the notes.</summary>
    public const string NotesFolder = "notes";

    private const long MaxNoteBytes = 64 * 1024;
    private const int MaxNoteChars = 1200;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads every note; a corpus without a notes folder has none.</summary>
    public static (IReadOnlyList<ReferenceNote> Notes, IReadOnlyList<CorpusProblem> Problems) Read(string corpusPath)
    {
        var folder = Path.Combine(corpusPath, NotesFolder);
        var notes = new List<ReferenceNote>();
        var problems = new List<CorpusProblem>();
        if (!Directory.Exists(folder)) return (notes, problems);
        var skipped = new List<CorpusProblem>();
        var files = CorpusFiles.List(folder, recursive: false, skipped).Where(f => f.EndsWith(".md", StringComparison.OrdinalIgnoreCase));
        problems.AddRange(skipped.Select(p => p with { FileName = NotesFolder + "/" + p.FileName }));
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            try
            {
                notes.Add(Parse(ReadText(file), name));
            }
            catch (FormatException e)
            {
                problems.Add(new CorpusProblem(NotesFolder + "/" + name, e.Message));
            }
        }

        return (notes, problems);
    }

    /// <summary>Reads one note from its text.</summary>
    /// <exception cref="FormatException">The note is broken; the message says how.</exception>
    public static ReferenceNote Parse(string content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        var text = content.StartsWith('\uFEFF') ? content[1..] : content;
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length < 3 || lines[0].TrimEnd() != "---") throw new FormatException("expected front matter (title, sources) between '---' lines at the top");
        var close = Array.FindIndex(lines, 1, l => l.TrimEnd() == "---");
        if (close < 0) throw new FormatException("front matter starts with '---' but has no closing '---' line");
        var mapping = ReadMapping(string.Join('\n', lines[1..close]));
        var title = Scalar(mapping, "title");
        if (string.IsNullOrWhiteSpace(title)) throw new FormatException("front matter has no 'title'");
        if (!mapping.Children.TryGetValue(new YamlScalarNode("sources"), out var sourcesNode)
            || sourcesNode is not YamlSequenceNode sources || sources.Children.Count == 0)
        {
            throw new FormatException("front matter has no 'sources' list; every note needs at least one source");
        }

        var list = new List<TimelineSource>(sources.Children.Count);
        foreach (var source in sources.Children)
        {
            try
            {
                list.Add(TimelineFile.ReadSource(source));
            }
            catch (FormatException e)
            {
                throw new FormatException($"source at line {source.Start.Line + 1}: {e.Message}", e);
            }
        }

        var statement = string.Join(' ', string.Join(' ', lines[(close + 1)..]).Split((char[])[' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries));
        if (statement.Length == 0) throw new FormatException("empty: no statement after the front matter");
        if (statement.Length > MaxNoteChars) throw new FormatException($"the statement has {statement.Length} characters; a note is at most {MaxNoteChars}");
        return new ReferenceNote(fileName, title.Trim(), statement, list);
    }

    private static string ReadText(string path)
    {
        if (CorpusFiles.TryRead(path, MaxNoteBytes, out var bytes) is { } problem) throw new FormatException(problem);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new FormatException("not valid UTF-8 text", e);
        }
    }

    private static YamlMappingNode ReadMapping(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(yaml);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new FormatException($"front matter is not valid YAML: {e.Message}", e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            throw new FormatException("front matter must be a mapping with title and sources");
        }

        foreach (var key in mapping.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value;
            if (name is not ("title" or "sources")) throw new FormatException($"unknown front matter key '{name}' (expected title, sources)");
        }

        return mapping;
    }

    private static string? Scalar(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var node)
            ? node as YamlScalarNode is { } scalar ? scalar.Value : throw new FormatException($"'{key}' must be text")
            : null;
}
