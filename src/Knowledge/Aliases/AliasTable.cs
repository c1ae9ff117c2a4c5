using Kuril.Knowledge.Corpus;
using Kuril.Knowledge.Text;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Kuril.Knowledge.Aliases;

/// <summary>
/// The names of places and parties in English, Japanese and Russian, kept as data in <c>corpus/aliases.yaml</c>.
/// Latin names match whole words by stem (so plurals and possessives match), Cyrillic names match word
/// beginnings (so inflected forms match), and Japanese or Chinese names match anywhere in a run of text.
/// </summary>
public sealed class AliasTable
{
    /// <summary>The table's file name inside the corpus folder.</summary>
    public const string FileName = "aliases.yaml";

    /// <summary>The names of treaties, declarations, conferences and events, in the same format with a <c>year</c>.</summary>
    public const string EventsFileName = "events.yaml";

    private readonly Dictionary<string, List<CompiledName>> _latinByFirstStem;
    private readonly List<CompiledName> _otherNames;

    private AliasTable(IReadOnlyList<AliasGroup> groups)
    {
        Groups = groups;
        var names = groups.SelectMany(g => g.Names.Select(n => CompiledName.Create(g, n))).OfType<CompiledName>().ToList();
        _latinByFirstStem = names.Where(n => n.FirstLatinStem is not null)
            .GroupBy(n => n.FirstLatinStem!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        _otherNames = names.Where(n => n.FirstLatinStem is null).ToList();
    }

    /// <summary>Every group in the table.</summary>
    public IReadOnlyList<AliasGroup> Groups { get; }

    /// <summary>A table with no names.</summary>
    public static AliasTable Empty { get; } = new([]);

    /// <summary>Builds a table from groups directly.</summary>
    public static AliasTable Create(IReadOnlyList<AliasGroup> groups) => new(groups);

    /// <summary>Reads a table of a corpus folder; a missing file gives an empty table.</summary>
    /// <param name="corpusPath">The corpus folder.</param>
    /// <param name="fileName">The table's file name: <see cref="FileName"/> or another file of the same format.</param>
    /// <exception cref="FormatException">The file is not valid YAML of this shape; the message names it.</exception>
    public static AliasTable Load(string corpusPath, string fileName = FileName)
    {
        var path = Path.Combine(corpusPath, fileName);
        if (!File.Exists(path)) return Empty;
        Dto dto;
        try
        {
            dto = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build()
                .Deserialize<Dto?>(CorpusFiles.ReadAllText(path)) ?? new Dto();
        }
        catch (YamlException e)
        {
            throw new FormatException($"{fileName}: {e.Message}", e);
        }

        var groups = new List<AliasGroup>();
        foreach (var group in dto.Groups ?? [])
        {
            var names = (group.Names ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).ToList();
            if (string.IsNullOrWhiteSpace(group.Id) || names.Count == 0)
            {
                throw new FormatException($"{fileName}: every group needs an id and at least one name");
            }

            if (groups.Any(g => g.Id == group.Id.Trim()))
            {
                throw new FormatException($"{fileName}: the id '{group.Id}' is used by two groups");
            }

            if (group.Year is < 1 or > 9999) throw new FormatException($"{fileName}: the group '{group.Id}' has year {group.Year}");
            groups.Add(new AliasGroup(group.Id.Trim(), names) { Year = group.Year });
        }

        return new AliasTable(groups);
    }

    /// <summary>The group a name belongs to, by any of its names, or null.</summary>
    public AliasGroup? Resolve(string name)
    {
        var folded = TextNormalizer.Fold(name.Trim());
        var tokens = Tokenizer.Tokenize(folded);
        if (tokens.Count == 0) return null;
        return Find(folded, tokens).FirstOrDefault(m => m.Start <= tokens[0].Start && m.End >= tokens[^1].End).Group;
    }

    /// <summary>
    /// Names found in folded text (see <see cref="TextNormalizer.Fold"/>) with its tokens; where names overlap,
    /// the longest wins.
    /// </summary>
    public List<AliasMatch> Find(string folded, IReadOnlyList<Token> tokens)
    {
        var found = new List<AliasMatch>();
        var stems = new string[tokens.Count];
        var hasOtherScript = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            stems[i] = tokens[i].Script == TokenScript.Latin ? Stemmer.English(tokens[i].Value) : tokens[i].Value;
            hasOtherScript |= tokens[i].Script is not (TokenScript.Latin or TokenScript.Number);
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Script == TokenScript.Latin && _latinByFirstStem.TryGetValue(stems[i], out var candidates))
            {
                foreach (var name in candidates) name.AddMatchAt(tokens, stems, i, found);
            }
        }

        if (hasOtherScript)
        {
            foreach (var name in _otherNames) name.AddMatches(folded, tokens, stems, found);
        }

        // Longest first; for the same span, the group listed first in the table (a stable sort keeps that order).
        var chosen = new List<AliasMatch>();
        foreach (var match in found.OrderByDescending(m => m.End - m.Start).ThenBy(m => m.Start))
        {
            if (!chosen.Any(c => c.Start < match.End && match.Start < c.End)) chosen.Add(match);
        }

        chosen.Sort((a, b) => a.Start.CompareTo(b.Start));
        return chosen;
    }

    private sealed class CompiledName
    {
        private readonly AliasGroup _group;
        private readonly string? _cjk;
        private readonly (string Value, TokenScript Script)[] _tokens;

        private CompiledName(AliasGroup group, string? cjk, (string, TokenScript)[] tokens)
        {
            _group = group;
            _cjk = cjk;
            _tokens = tokens;
        }

        /// <summary>The stem of the first word of a Latin-script name, by which candidates are found.</summary>
        public string? FirstLatinStem => _cjk is null && _tokens.Length > 0 && _tokens[0].Script == TokenScript.Latin ? _tokens[0].Value : null;

        public static CompiledName? Create(AliasGroup group, string name)
        {
            var folded = TextNormalizer.Fold(name);
            var tokens = Tokenizer.Tokenize(folded);
            if (tokens.Count == 0) return null;
            if (tokens.Any(t => t.Script == TokenScript.Cjk))
            {
                return new CompiledName(group, string.Concat(tokens.Select(t => t.Value)), []);
            }

            return new CompiledName(group, null, tokens.Select(t => (Key(t.Value, t.Script), t.Script)).ToArray());
        }

        // Latin names compare by stem; Cyrillic names by their beginning without the inflected ending.
        private static string Key(string value, TokenScript script) => script switch
        {
            TokenScript.Latin => Stemmer.English(value),
            TokenScript.Cyrillic => CyrillicStem(value),
            _ => value,
        };

        private static string CyrillicStem(string value)
        {
            var end = value.Length;
            while (end > 4 && end > value.Length - 2 && "аеиоуыэюяйь".Contains(value[end - 1], StringComparison.Ordinal)) end--;
            return value[..end];
        }

        public void AddMatchAt(IReadOnlyList<Token> tokens, string[] stems, int at, List<AliasMatch> found)
        {
            if (at + _tokens.Length <= tokens.Count && MatchesAt(tokens, stems, at))
            {
                found.Add(new AliasMatch(_group, tokens[at].Start, tokens[at + _tokens.Length - 1].End));
            }
        }

        public void AddMatches(string folded, IReadOnlyList<Token> tokens, string[] stems, List<AliasMatch> found)
        {
            if (_cjk is not null)
            {
                for (var at = folded.IndexOf(_cjk, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(_cjk, at + _cjk.Length, StringComparison.Ordinal))
                {
                    found.Add(new AliasMatch(_group, at, at + _cjk.Length));
                }

                return;
            }

            for (var i = 0; i < tokens.Count; i++)
            {
                AddMatchAt(tokens, stems, i, found);
            }
        }

        private bool MatchesAt(IReadOnlyList<Token> tokens, string[] stems, int at)
        {
            for (var j = 0; j < _tokens.Length; j++)
            {
                var token = tokens[at + j];
                var (key, script) = _tokens[j];
                var matches = script switch
                {
                    TokenScript.Latin => token.Script == TokenScript.Latin && stems[at + j] == key,
                    TokenScript.Cyrillic => token.Script == TokenScript.Cyrillic && token.Value.StartsWith(key, StringComparison.Ordinal),
                    _ => token.Value == key,
                };
                if (!matches) return false;
            }

            return true;
        }
    }

    private sealed class Dto
    {
        public List<GroupDto>? Groups { get; set; }
    }

    private sealed class GroupDto
    {
        public string? Id { get; set; }

        public List<string>? Names { get; set; }

        public int? Year { get; set; }
    }
}
