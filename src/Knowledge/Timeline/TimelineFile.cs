using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kuril.Knowledge.Timeline;

/// <summary>Reads <c>timeline.yaml</c>: a mapping with an <c>events</c> list of {date, text, sources}.</summary>
/// <remarks>
/// The representation model is read instead of deserialising into classes so that every problem can name the line of
/// the event it is in, and so that dates stay the exact text written (YAML would read <c>1855</c> as a number).
/// </remarks>
internal static class TimelineFile
{
    private static readonly HashSet<string> EventKeys = new(StringComparer.Ordinal) { "date", "text", "sources" };
    private static readonly HashSet<string> SourceKeys = new(StringComparer.Ordinal) { "document", "excerpt", "title", "url" };

    public static List<TimelineEvent> Parse(string yaml, string fileName)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(yaml);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new FormatException($"{fileName}: line {e.Start.Line}: not valid YAML: {e.Message}", e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("events"), out var eventsNode) || eventsNode is not YamlSequenceNode events)
        {
            throw new FormatException($"{fileName}: expected a mapping with an 'events' list at the top");
        }

        var result = new List<TimelineEvent>(events.Children.Count);
        for (var i = 0; i < events.Children.Count; i++)
        {
            var node = events.Children[i];
            var where = $"{fileName}: event {i + 1} (line {node.Start.Line})";
            try
            {
                result.Add(ReadEvent(node));
            }
            catch (FormatException e)
            {
                throw new FormatException($"{where}: {e.Message}", e);
            }
        }

        return result;
    }

    private static TimelineEvent ReadEvent(YamlNode node)
    {
        if (node is not YamlMappingNode mapping) throw new FormatException("expected a mapping with date, text and sources");
        CheckKeys(mapping, EventKeys);
        var date = Scalar(mapping, "date") ?? throw new FormatException("has no 'date'");
        if (!TimelineEvent.TryParseDate(date, out var year, out var month, out var day, out var problem)) throw new FormatException(problem);
        var text = Scalar(mapping, "text");
        if (string.IsNullOrWhiteSpace(text)) throw new FormatException($"{date} has no 'text'");
        if (!mapping.Children.TryGetValue(new YamlScalarNode("sources"), out var sourcesNode)
            || sourcesNode is not YamlSequenceNode sources || sources.Children.Count == 0)
        {
            throw new FormatException($"{date} has no 'sources' list; every event needs at least one source");
        }

        var list = new List<TimelineSource>(sources.Children.Count);
        foreach (var source in sources.Children)
        {
            try
            {
                list.Add(ReadSource(source));
            }
            catch (FormatException e)
            {
                throw new FormatException($"{date}: source at line {source.Start.Line}: {e.Message}", e);
            }
        }

        return new TimelineEvent(year, month, day, Normalize(text), list);
    }

    /// <summary>Reads one source: a corpus passage (document + excerpt) and/or a public reference (title + url).</summary>
    internal static TimelineSource ReadSource(YamlNode node)
    {
        if (node is not YamlMappingNode mapping) throw new FormatException("expected a mapping with document + excerpt and/or title + url");
        CheckKeys(mapping, SourceKeys);
        var document = Scalar(mapping, "document");
        var excerpt = Scalar(mapping, "excerpt");
        var title = Scalar(mapping, "title");
        var url = Scalar(mapping, "url");
        if ((document is null) != (excerpt is null)) throw new FormatException("a corpus passage needs both 'document' and 'excerpt'");
        if ((title is null) != (url is null)) throw new FormatException("a public reference needs both 'title' and 'url'");
        if (document is null && title is null) throw new FormatException("names neither a corpus passage nor a public reference");
        Uri? address = null;
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out address) || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp)))
        {
            throw new FormatException($"url '{url}' is not an absolute http(s) address");
        }

        return new TimelineSource(document, excerpt, title, address);
    }

    private static void CheckKeys(YamlMappingNode mapping, HashSet<string> allowed)
    {
        foreach (var key in mapping.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (!allowed.Contains(name)) throw new FormatException($"unknown key '{name}' at line {key.Start.Line} (expected {string.Join(", ", allowed)})");
        }
    }

    private static string? Scalar(YamlMappingNode mapping, string key)
    {
        if (!mapping.Children.TryGetValue(new YamlScalarNode(key), out var node)) return null;
        if (node is not YamlScalarNode scalar) throw new FormatException($"'{key}' at line {node.Start.Line} must be text");
        return string.IsNullOrEmpty(scalar.Value) ? null : scalar.Value;
    }

    // Folded and multi-line scalars keep line breaks; an event's text is shown on one line.
    private static string Normalize(string text) => string.Join(' ', text.Split((char[])['\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
