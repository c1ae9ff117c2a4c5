using System.Text.RegularExpressions;
using Kuril.Knowledge.Corpus;
using Kuril.Knowledge.Text;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Kuril.Knowledge.Cleaning;

/// <summary>The cleaning rules kept as data in <c>corpus/cleaning.yaml</c>.</summary>
public sealed class CleaningRules
{
    /// <summary>The rules file's name inside the corpus folder.</summary>
    public const string FileName = "cleaning.yaml";

    // A guard against runaway backtracking, measured in wall-clock time: at 250 ms a busy machine or a GC pause
    // stalled ordinary patterns on ordinary sentences past it (232 ms measured at load 12 on 2 cores) and failed
    // whole index builds. Two seconds still stops a runaway pattern on one sentence.
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Phrases removed wherever they stand.</summary>
    public IReadOnlyList<Regex> Strip { get; init; } = [];

    /// <summary>Sentences dropped whole when they match.</summary>
    public IReadOnlyList<Regex> Drop { get; init; } = [];

    /// <summary>Capitalised long segments that make a sentence a run of headlines.</summary>
    public int HeadlineSegments { get; init; } = 3;

    /// <summary>Words a segment needs to count as a headline.</summary>
    public int HeadlineWords { get; init; } = 4;

    /// <summary>Present-tense "X says" phrases that make a sentence a run of headlines.</summary>
    public int HeadlineSays { get; init; } = 2;

    /// <summary>Fewest words a quotable sentence has.</summary>
    public int MinWords { get; init; } = 4;

    /// <summary>Share of content words seen elsewhere that keeps a sentence with no topic word.</summary>
    public double MinTopicality { get; init; } = 0.34;

    /// <summary>Folded topic words and phrases.</summary>
    public IReadOnlyList<string> TopicWords { get; init; } = [];

    /// <summary>Lower-case words whose apostrophe was dropped, and their repair.</summary>
    public IReadOnlyDictionary<string, string> Contractions { get; init; } = new Dictionary<string, string>();

    /// <summary>Reads the rules file of a corpus folder; a missing file gives the built-in defaults.</summary>
    /// <exception cref="FormatException">The file is not valid YAML of this shape, or a pattern is not a valid regex.</exception>
    public static CleaningRules Load(string corpusPath)
    {
        var path = Path.Combine(corpusPath, FileName);
        if (!File.Exists(path)) return new CleaningRules();
        Dto dto;
        try
        {
            dto = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build()
                .Deserialize<Dto?>(CorpusFiles.ReadAllText(path)) ?? new Dto();
        }
        catch (YamlException e)
        {
            throw new FormatException($"{FileName}: {e.Message}", e);
        }

        var defaults = new CleaningRules();
        return new CleaningRules
        {
            Strip = Compile(dto.Strip, "strip"),
            Drop = Compile(dto.Drop, "drop"),
            HeadlineSegments = dto.HeadlineSegments ?? defaults.HeadlineSegments,
            HeadlineWords = dto.HeadlineWords ?? defaults.HeadlineWords,
            HeadlineSays = dto.HeadlineSays ?? defaults.HeadlineSays,
            MinWords = dto.MinWords ?? defaults.MinWords,
            MinTopicality = dto.MinTopicality ?? defaults.MinTopicality,
            TopicWords = (dto.TopicWords ?? []).Select(TextNormalizer.Fold).Where(w => w.Length > 0).ToList(),
            Contractions = (dto.Contractions ?? []).ToDictionary(p => p.Key.ToLowerInvariant(), p => p.Value, StringComparer.Ordinal),
        };
    }

    private static List<Regex> Compile(List<string>? patterns, string section)
    {
        var compiled = new List<Regex>();
        foreach (var pattern in patterns ?? [])
        {
            try
            {
                // Compiled: every sentence of the corpus runs through every pattern, and interpreted they were a
                // third of the index build at 10,000 documents (and nearer their timeout on a busy machine).
                compiled.Add(new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, RegexTimeout));
            }
            catch (ArgumentException e)
            {
                throw new FormatException($"{FileName}: '{section}' pattern '{pattern}' is not a valid regular expression: {e.Message}", e);
            }
        }

        return compiled;
    }

    private sealed class Dto
    {
        public List<string>? Strip { get; set; }

        public List<string>? Drop { get; set; }

        public int? HeadlineSegments { get; set; }

        public int? HeadlineWords { get; set; }

        public int? HeadlineSays { get; set; }

        public int? MinWords { get; set; }

        public double? MinTopicality { get; set; }

        public List<string>? TopicWords { get; set; }

        public Dictionary<string, string>? Contractions { get; set; }
    }
}
