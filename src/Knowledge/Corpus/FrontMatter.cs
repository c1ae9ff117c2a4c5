using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Kuril.Knowledge.Corpus;

/// <summary>The YAML block between two <c>---</c> lines at the top of a document file.</summary>
internal sealed class FrontMatter
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public string? Title { get; set; }

    public string? Kind { get; set; }

    public string? Publisher { get; set; }

    // Who wrote it, where known (an imported page's byline); kept in the file for curators, not shown in citations.
    public string? Author { get; set; }

    public string? Published { get; set; }

    public string? Url { get; set; }

    public string? Notes { get; set; }

    /// <summary>Splits a file into front matter and body; a file without front matter is all body.</summary>
    /// <exception cref="FormatException">The front matter is not closed or is not valid YAML of this shape.</exception>
    public static (FrontMatter Meta, string Body, int BodyLine) Split(string content)
    {
        var text = content.StartsWith('\uFEFF') ? content[1..] : content;
        if (!text.StartsWith("---", StringComparison.Ordinal) || !IsDelimiterLine(text, 0))
        {
            return (new FrontMatter(), text, 1);
        }

        var firstLineEnd = text.IndexOf('\n', StringComparison.Ordinal);
        var position = firstLineEnd + 1;
        var line = 2;
        while (position < text.Length)
        {
            if (IsDelimiterLine(text, position))
            {
                var yaml = text[(firstLineEnd + 1)..position];
                var end = text.IndexOf('\n', position);
                var body = end < 0 ? string.Empty : text[(end + 1)..];
                return (Parse(yaml), body, line + 1);
            }

            var next = text.IndexOf('\n', position);
            if (next < 0) break;
            position = next + 1;
            line++;
        }

        throw new FormatException("front matter starts with '---' but has no closing '---' line");
    }

    private static bool IsDelimiterLine(string text, int start)
    {
        var end = text.IndexOf('\n', start);
        var lineText = (end < 0 ? text[start..] : text[start..end]).TrimEnd('\r', ' ', '\t');
        return lineText == "---";
    }

    private static FrontMatter Parse(string yaml)
    {
        try
        {
            return Deserializer.Deserialize<FrontMatter?>(yaml) ?? new FrontMatter();
        }
        catch (YamlException e)
        {
            throw new FormatException($"front matter is not valid: {e.Message}", e);
        }
    }
}
