using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Kuril.Knowledge.Positions;

/// <summary>
/// Decides which side of the dispute a passage states, by rules kept as data in <c>corpus/positions.yaml</c>:
/// the side whose patterns the passage matches most; neither when no side matches or two sides tie.
/// </summary>
public sealed class PositionRules
{
    /// <summary>The rules' file name inside the corpus folder.</summary>
    public const string FileName = "positions.yaml";

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    private PositionRules(IReadOnlyList<PositionSide> sides) => Sides = sides;

    /// <summary>The sides, in the order shown.</summary>
    public IReadOnlyList<PositionSide> Sides { get; }

    /// <summary>Reads the rules of a corpus folder; a missing file gives no sides.</summary>
    /// <exception cref="FormatException">The file is not valid YAML of this shape, or a pattern is not a valid regex.</exception>
    public static PositionRules Load(string corpusPath)
    {
        var path = Path.Combine(corpusPath, FileName);
        return File.Exists(path) ? Parse(Kuril.Knowledge.Corpus.CorpusFiles.ReadAllText(path)) : new PositionRules([]);
    }

    /// <summary>Reads rules from YAML text.</summary>
    /// <exception cref="FormatException">The text is not valid YAML of this shape, or a pattern is not a valid regex.</exception>
    public static PositionRules Parse(string yaml)
    {
        Dto dto;
        try
        {
            dto = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build().Deserialize<Dto?>(yaml) ?? new Dto();
        }
        catch (YamlException e)
        {
            throw new FormatException($"{FileName}: {e.Message}", e);
        }

        var sides = new List<PositionSide>();
        foreach (var side in dto.Sides ?? [])
        {
            if (string.IsNullOrWhiteSpace(side.Id) || string.IsNullOrWhiteSpace(side.Name) || side.Patterns is not { Count: > 0 })
            {
                throw new FormatException($"{FileName}: every side needs an id, a name and at least one pattern");
            }

            var patterns = new List<Regex>();
            foreach (var pattern in side.Patterns)
            {
                try
                {
                    patterns.Add(new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout));
                }
                catch (ArgumentException e)
                {
                    throw new FormatException($"{FileName}: side '{side.Id}': pattern '{pattern}' is not a valid regular expression: {e.Message}", e);
                }
            }

            var names = (side.Names ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).ToList();
            sides.Add(new PositionSide(side.Id.Trim(), side.Name.Trim(), patterns) { Names = names.Count > 0 ? names : [side.Name.Trim()] });
        }

        return new PositionRules(sides);
    }

    /// <summary>The side the text states, or null when it states none (or two equally).</summary>
    public PositionSide? Classify(string text)
    {
        // Curly apostrophes in the corpus would otherwise miss patterns written with a plain one.
        var normalised = text.Replace('\u2019', '\'');
        PositionSide? best = null;
        int bestCount = 0, runnerUp = 0;
        foreach (var side in Sides)
        {
            var count = side.Matches(normalised);
            if (count > bestCount)
            {
                runnerUp = bestCount;
                (best, bestCount) = (side, count);
            }
            else if (count > runnerUp)
            {
                runnerUp = count;
            }
        }

        return bestCount > runnerUp ? best : null;
    }

    private sealed class Dto
    {
        public List<SideDto>? Sides { get; set; }
    }

    private sealed class SideDto
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public List<string>? Patterns { get; set; }

        public List<string>? Names { get; set; }
    }
}
