using System.Globalization;
using System.Text;

namespace Kuril.Knowledge.Corpus;

/// <summary>
/// The one way corpus files are found and read: regular files only, never through a symbolic link, each under a
/// size cap and read no further than it, so nothing a corpus folder holds (a link loop, a FIFO, a device, a huge
/// file) can hang a load or swell memory.
/// </summary>
public static class CorpusFiles
{
    /// <summary>The default cap on one corpus file's size (5 MB): documents take theirs from configuration.</summary>
    public const long DefaultMaxBytes = 5L * 1024 * 1024;

    /// <summary>
    /// Lists the files of a folder (and, if <paramref name="recursive"/>, of its subfolders, never through a link),
    /// ordered by their paths relative to <paramref name="folder"/>. Hidden names (<c>.name</c>) and editors'
    /// backups (<c>name~</c>) are passed over silently; links are reported in <paramref name="skipped"/>.
    /// </summary>
    /// <param name="folder">The folder to list.</param>
    /// <param name="recursive">Whether subfolders are listed too.</param>
    /// <param name="skipped">Receives each link passed over, by its relative path, with the reason.</param>
    /// <returns>Full paths of the files found, which may still be FIFOs or devices: <see cref="TryRead"/> checks.</returns>
    public static IReadOnlyList<string> List(string folder, bool recursive, ICollection<CorpusProblem> skipped)
    {
        ArgumentNullException.ThrowIfNull(skipped);
        var files = new List<string>();
        var pending = new Stack<DirectoryInfo>();
        pending.Push(new DirectoryInfo(folder));
        var options = new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = 0, IgnoreInaccessible = true };
        while (pending.TryPop(out var directory))
        {
            foreach (var entry in directory.EnumerateFileSystemInfos("*", options))
            {
                if (entry.Name.StartsWith('.') || entry.Name.EndsWith('~')) continue;
                if (entry.LinkTarget is not null)
                {
                    skipped.Add(new CorpusProblem(Relative(folder, entry.FullName), "a symbolic link: the corpus is read only from regular files, never through links"));
                }
                else if (entry is DirectoryInfo subfolder)
                {
                    if (recursive) pending.Push(subfolder);
                }
                else
                {
                    files.Add(entry.FullName);
                }
            }
        }

        // Sorted by the names as the corpus shows them, each computed once (10,000 documents take 130,000 comparisons).
        return files.Select(f => (File: f, Name: Relative(folder, f))).OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => f.File).ToList();
    }

    /// <summary>Reads a corpus file whole if it is a regular file of at most <paramref name="maxBytes"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="maxBytes">The cap on its size.</param>
    /// <param name="bytes">The file's bytes, or empty when it was not read.</param>
    /// <returns>Null when read, else why not, in words an operator can act on.</returns>
    public static string? TryRead(string path, long maxBytes, out byte[] bytes)
    {
        bytes = [];
        try
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is not null) return "a symbolic link: the corpus is read only from regular files, never through links";
            if (!info.Exists) return "not found";

            // Pipes, sockets and devices report no size, and opening a FIFO waits for a writer that may never come:
            // a size of 0 is refused before anything opens the file.
            if (info.Length == 0) return "empty, or not a regular file (a FIFO, socket or device)";
            if (info.Length > maxBytes) return $"larger than the {Describe(maxBytes)} limit ({Describe(info.Length)})";
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
            if (!stream.CanSeek) return "not a regular file";

            // The file may grow after it was measured: read at most one byte past the cap, never to its end.
            var buffer = new byte[Math.Min(info.Length, maxBytes) + 1];
            var read = 0;
            int count;
            while (read < buffer.Length && (count = stream.Read(buffer, read, buffer.Length - read)) > 0) read += count;
            if (read > maxBytes) return $"larger than the {Describe(maxBytes)} limit";
            bytes = buffer[..read];
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot be read: {e.Message}";
        }
    }

    /// <summary>Reads a resource file of the corpus (aliases, rules, timeline, word lists) as UTF-8 text, cleaned by <see cref="VisibleText"/>.</summary>
    /// <exception cref="FormatException">The file is a link, not a regular file, too large or unreadable; the message names it.</exception>
    public static string ReadAllText(string path)
    {
        if (TryRead(path, DefaultMaxBytes, out var bytes) is { } problem)
        {
            // A resource of no size reads as an empty table (a FIFO in its place too, unopened); anything else is an error.
            if (problem.StartsWith("empty", StringComparison.Ordinal)) return string.Empty;
            throw new FormatException($"{Path.GetFileName(path)}: {problem}");
        }

        return VisibleText.Clean(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(bytes));
    }

    /// <summary>Reads a resource file of the corpus line by line; see <see cref="ReadAllText"/>.</summary>
    /// <exception cref="FormatException">The file is a link, not a regular file, too large or unreadable; the message names it.</exception>
    public static IEnumerable<string> ReadLines(string path) =>
        ReadAllText(path).Split('\n').Select(l => l.TrimEnd('\r'));

    private static string Relative(string folder, string path) => Path.GetRelativePath(folder, path).Replace('\\', '/');

    private static string Describe(long bytes) => bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes");
}
