using System.Globalization;
using System.Text.RegularExpressions;
using Kuril.Knowledge.Aliases;
using Kuril.Knowledge.Positions;
using Kuril.Knowledge.Text;

// Over 300 lines: passages and questions must be turned into terms by the same code, or a question's terms would
// miss the passages that hold them; splitting the two halves would invite exactly that drift.
namespace Kuril.Knowledge.Search;

/// <summary>
/// Turns text into index terms the same way for passages and for questions: stems of content words, one term per
/// alias or synonym group named, and answer-type terms (a clock time, a date, a number) so that "At what time …"
/// prefers passages that state a time.
/// </summary>
/// <param name="groups">Names that stand for one term whatever their spelling, script or wording.</param>
/// <param name="stopWords">Words left out.</param>
/// <param name="events">
/// Names of treaties and events, matched apart from <paramref name="groups"/> so that a name holding a place name
/// ("Battle of Shumshu") stands for both the event and the place.
/// </param>
/// <param name="positions">Which side of the dispute a passage states (<c>positions.yaml</c>), when known.</param>
public sealed partial class TermAnalyzer(AliasTable groups, StopWords stopWords, AliasTable? events = null, PositionRules? positions = null)
{
    /// <summary>
    /// The prefix of the term of a passage stating one side's position (by <c>positions.yaml</c>), and of a question
    /// asking for that side's argument: "Why does Japan say …" prefers what states Japan's case over what mentions Japan.
    /// </summary>
    public const string StanceTermPrefix = "zqstance";

    /// <summary>The term of passages that state a clock time, and of questions asking for one.</summary>
    public const string ClockTerm = "zqclock";

    /// <summary>The term of passages that state a year or date, and of questions asking when.</summary>
    public const string DateTerm = "zqdate";

    /// <summary>The term of passages that state a number, and of questions asking how many.</summary>
    public const string NumberTerm = "zqnumber";

    /// <summary>
    /// The term of the project's own reference notes, which state how things stand as the project keeps them, where a
    /// document states what was so when it was published: only they answer a question about today.
    /// </summary>
    public const string CurrentTerm = "zqcurrent";

    /// <summary>
    /// The prefix of the term of a passage that opens with a year ("In 1956, …", "19 October 1956: …"), so about that
    /// year, and of a question naming the year: "What happened in 1951?" prefers what is dated 1951 over what only
    /// mentions it.
    /// </summary>
    public const string DatedTermPrefix = "zqin";

    /// <summary>Terms of a passage: every content word's stem, every group it names, and its answer types.</summary>
    public List<string> PassageTerms(string text)
    {
        var analyzed = Analyze(text);
        var terms = analyzed.Words.Select(w => w.Term).ToList();
        terms.AddRange(analyzed.Aliases.Select(a => a.Group.Term));
        if (ClockPattern().IsMatch(analyzed.Folded)) terms.Add(ClockTerm);
        if (DatePattern().IsMatch(analyzed.Folded)) terms.Add(DateTerm);
        if (NumberPattern().IsMatch(analyzed.Folded)) terms.Add(NumberTerm);
        if (OpensWithYear().Match(analyzed.Folded) is { Success: true } dated) terms.Add(DatedTermPrefix + dated.Groups["year"].Value);
        if (positions?.Classify(text) is { } side) terms.Add(StanceTermPrefix + side.Id);
        return terms;
    }

    /// <summary>
    /// Distinct terms of a question, in order: content words outside group names, then the groups named, then the
    /// answer type asked for.
    /// </summary>
    public List<QueryTerm> QueryTerms(string question) => QueryTerms(Analyze(question));

    /// <summary>Neighbouring content-word stems of a question ("landing craft" → (land, craft)), for phrase matching.</summary>
    public static List<(string First, string Second)> Bigrams(AnalyzedText analyzed)
    {
        var bigrams = new List<(string, string)>();
        for (var i = 1; i < analyzed.Words.Count; i++)
        {
            // Two names side by side ("Habomai and Shikotan") are a list, not a phrase; the groups already match them.
            var (previous, current) = (analyzed.Words[i - 1], analyzed.Words[i]);
            if (previous.Token.Script == TokenScript.Latin && current.Token.Script == TokenScript.Latin && !(previous.InAlias && current.InAlias))
            {
                bigrams.Add((previous.Term, current.Term));
            }
        }

        return bigrams;
    }

    /// <summary>The distinct terms of analysed question text (see <see cref="QueryTerms(string)"/>).</summary>
    public static List<QueryTerm> QueryTerms(AnalyzedText analyzed)
    {
        var terms = new List<QueryTerm>();
        var clock = AsksClockTime().IsMatch(analyzed.Folded);
        var date = !clock && AsksDate().IsMatch(analyzed.Folded);
        var number = AsksNumber().IsMatch(analyzed.Folded);

        // "argument" in a question naming one side asks for that side's stance term (see AskedStance): it says what
        // kind of passage answers, not what the passage is about. ("today" stays a term: a note that does not speak
        // of the present should not answer "Who is the governor today?" on the strength of a place name alone.)
        var asking = analyzed.AskedStance is null ? [] : StanceWord().Matches(analyzed.Folded).ToList();
        foreach (var word in analyzed.Words)
        {
            if (word.InAlias || (clock && word.Term == "time") || (date && word.Term is "year" or "date")) continue;
            if (asking.Exists(m => word.Token.Start >= m.Index && word.Token.Start < m.Index + m.Length)) continue;
            Add(terms, word.Term, word.Token.Script);
        }

        foreach (var alias in analyzed.Aliases) Add(terms, alias.Group.Term, TokenScript.Latin);
        if (clock) Add(terms, ClockTerm, TokenScript.Latin);
        if (date) Add(terms, DateTerm, TokenScript.Latin);
        if (number) Add(terms, NumberTerm, TokenScript.Latin);

        // Marked as the script of words the corpus may lack, so that a year nothing is dated by costs the question
        // nothing (see PassageSearcher): it only lifts what is dated by it.
        foreach (Match year in NamedYear().Matches(analyzed.Folded)) Add(terms, DatedTermPrefix + year.Groups["year"].Value, TokenScript.Other);
        foreach (var alias in analyzed.Aliases.Where(a => a.Group.Year is not null))
        {
            Add(terms, DatedTermPrefix + alias.Group.Year!.Value.ToString(CultureInfo.InvariantCulture), TokenScript.Other);
        }

        if (analyzed.AskedStance is { } stance) Add(terms, stance, TokenScript.Other);

        return terms;
    }

    /// <summary>
    /// What a passage must hold to answer a question at all, as sets of terms of which it needs one each: every year
    /// the question names (the year itself, a passage dated by it, or a treaty or event of that year named), so that
    /// "Who won the 2024 election?" is not answered by what happened in other years.
    /// </summary>
    public static List<string[]> RequiredTerms(AnalyzedText analyzed)
    {
        ArgumentNullException.ThrowIfNull(analyzed);
        var required = new List<string[]>();
        foreach (var year in NamedYear().Matches(analyzed.Folded).Select(m => m.Groups["year"].Value).Distinct(StringComparer.Ordinal))
        {
            var named = analyzed.Aliases
                .Where(a => a.Group.Year?.ToString(CultureInfo.InvariantCulture) == year)
                .Select(a => a.Group.Term);
            required.Add([year, DatedTermPrefix + year, .. named]);
        }

        return required;
    }

    /// <summary>
    /// Whether a follow-up refers back to what was asked before with a pronoun ("how did he die?", "what sank it?",
    /// "что там?", "彼は"), rather than naming its own subject.
    /// </summary>
    public static bool RefersBack(AnalyzedText analyzed)
    {
        ArgumentNullException.ThrowIfNull(analyzed);
        return RefersBackWord().IsMatch(analyzed.Folded);
    }

    /// <summary>
    /// Whether a question asks how things stand now ("today", "current", "сейчас", "現在"). Documents tell what was so
    /// when they were published and the timeline what happened in a year, so such a question is answered only by a
    /// reference note (<see cref="CurrentTerm"/>) that states it without a date: how the islands are administered,
    /// not who was prime minister when an article was written.
    /// </summary>
    public static bool AsksPresent(AnalyzedText analyzed)
    {
        ArgumentNullException.ThrowIfNull(analyzed);
        return AsksPresentState().IsMatch(analyzed.Folded);
    }

    /// <summary>Folds and tokenizes text, finds group names in it, and stems its content words.</summary>
    public AnalyzedText Analyze(string text)
    {
        var folded = ExpandNegations(TextNormalizer.Fold(text));
        var tokens = Tokenizer.Tokenize(folded);
        var matches = groups.Find(folded, tokens);
        if (events is not null) matches.AddRange(events.Find(folded, tokens));
        var words = new List<AnalyzedWord>(tokens.Count);
        foreach (var token in tokens)
        {
            if (token.Script == TokenScript.Latin && token.Value.Length < 2) continue;
            var inAlias = matches.Any(m => m.Covers(token.Start));
            if (token.Script == TokenScript.Cjk)
            {
                // Japanese is written without spaces: its words meet as CJKAnalyzer's character pairs.
                foreach (var bigram in Stemmer.CjkBigrams(token.Value)) words.Add(new AnalyzedWord(bigram, token, inAlias));
                continue;
            }

            var term = Tokenizer.Term(token);
            if (term.Length == 0 || stopWords.Contains(term)) continue;
            words.Add(new AnalyzedWord(term, token, inAlias));
        }

        return new AnalyzedText(folded, words, matches) { AskedStance = AskedStance(folded) };
    }

    // A question asks for a side's argument when it asks for a position, argument or reason and names exactly one side.
    private string? AskedStance(string folded)
    {
        if (positions is null || !AsksPosition().IsMatch(folded)) return null;
        var named = positions.Sides.Where(s => s.Names.Any(n => NamesWord(folded, n))).ToList();
        return named.Count == 1 ? StanceTermPrefix + named[0].Id : null;
    }

    private static bool NamesWord(string folded, string name)
    {
        var at = folded.IndexOf(name, StringComparison.OrdinalIgnoreCase);
        return at >= 0 && (at == 0 || !char.IsLetter(folded[at - 1]) || !char.IsAsciiLetter(name[0]));
    }

    /// <summary>
    /// Where the words of a passage that hold one of <paramref name="terms"/> stand in its text: words whose stem is
    /// a term, and names whose alias or synonym group's term is one. Offsets are into <paramref name="text"/> as
    /// written, not its folded form.
    /// </summary>
    public IReadOnlyList<Answers.TextSpan> Highlights(string text, IReadOnlySet<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return terms.Count == 0 ? [] : Map(text).Spans(terms);
    }

    /// <summary>The words of a text and the terms that would mark each: what highlighting it needs from any question.</summary>
    public HighlightMap Map(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Each run of letters and digits is folded alone and the folded runs joined by single spaces, so every
        // folded offset maps back to a run of the text as written, whatever folding does to lengths.
        var runs = new List<(int Start, int End, int FoldedStart, int FoldedEnd)>();
        var folded = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length;)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsWordChar(text[i])) i++;
            if (folded.Length > 0) folded.Append(' ');
            var foldedStart = folded.Length;
            folded.Append(TextNormalizer.Fold(text[start..i]));
            runs.Add((start, i, foldedStart, folded.Length));
        }

        var foldedText = folded.ToString();
        var tokens = Tokenizer.Tokenize(foldedText);
        var candidates = new List<string>?[runs.Count];
        foreach (var match in groups.Find(foldedText, tokens))
        {
            for (var r = 0; r < runs.Count; r++)
            {
                if (runs[r].FoldedStart < match.End && match.Start < runs[r].FoldedEnd) (candidates[r] ??= []).Add(match.Group.Term);
            }
        }

        var run = 0;
        foreach (var token in tokens)
        {
            while (runs[run].FoldedEnd <= token.Start) run++;
            if (token.Script == TokenScript.Cjk) (candidates[run] ??= []).AddRange(Stemmer.CjkBigrams(token.Value));
            else if (Tokenizer.Term(token) is { Length: > 0 } term && !stopWords.Contains(term)) (candidates[run] ??= []).Add(term);
        }

        return new HighlightMap(
            [.. runs.Select(r => new Answers.TextSpan(r.Start, r.End - r.Start))],
            [.. candidates.Select(c => c is null ? [] : c.Distinct(StringComparer.Ordinal).ToArray())],
            [.. runs.Select((r, i) => i + 1 < runs.Count && runs[i + 1].Start == r.End + 1 && text[r.End] == ' ')]);
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '\u3005' or '\u30FC';

    // "won't" would otherwise leave the word "won", "can't" the word "can": negations carry no topic.
    private static string ExpandNegations(string folded) =>
        folded.Contains('\'', StringComparison.Ordinal) || folded.Contains('\u2019', StringComparison.Ordinal)
            ? Negation().Replace(folded, " not")
            : folded;

    private static void Add(List<QueryTerm> terms, string term, TokenScript script)
    {
        if (!terms.Exists(t => t.Term == term)) terms.Add(new QueryTerm(term, script));
    }

    // Personal pronouns and "there" in English and Russian; Japanese ones stand anywhere in a run of text.
    [GeneratedRegex(@"\b(?:he|she|it|its|they|them|their|theirs|him|his|her|hers|there|он|она|оно|они|его|ее|её|их|ему|ей|им|ним|ней|нем|там)\b|彼|それ|そこ|その", RegexOptions.CultureInvariant)]
    private static partial Regex RefersBackWord();

    [GeneratedRegex(@"(?:\b(?:wo|ca|sha)|(?<=[a-z]))n['\u2019]t\b", RegexOptions.CultureInvariant)]
    private static partial Regex Negation();

    [GeneratedRegex(@"\b\d{1,2}(:\d{2})?\s?[ap]\.?m\b|\b\d{1,2}:\d{2}\b", RegexOptions.CultureInvariant)]
    private static partial Regex ClockPattern();

    [GeneratedRegex(@"\b(1[5-9]\d\d|20\d\d)\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(january|february|march|april|may|june|july|august|september|october|november|december)\b", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^\W*(?:in\s+)?(?:(?:\d{1,2}\s+)?(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+)?(?<year>1[5-9]\d\d|20\d\d)\b", RegexOptions.CultureInvariant)]
    private static partial Regex OpensWithYear();

    [GeneratedRegex(@"(?<!\d)(?<year>1[5-9]\d\d|20\d\d)(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex NamedYear();

    [GeneratedRegex(@"\d", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\b(what|which)\s+time\b|во\s+сколько|何時", RegexOptions.CultureInvariant)]
    private static partial Regex AsksClockTime();

    [GeneratedRegex(@"\bwhen\b|\b(what|which)\s+(year|date|day|month)\b|когда|в\s+каком\s+году|いつ|何年", RegexOptions.CultureInvariant)]
    private static partial Regex AsksDate();

    [GeneratedRegex(@"\b(position|positions|stance|argue|argues|argument|arguments|case|view|views|legal|justify|justifies|justification|why\s+(does|do|did|is)|say|says)\b|позици|аргумент|почему|立場|主張|なぜ", RegexOptions.CultureInvariant)]
    private static partial Regex AsksPosition();

    [GeneratedRegex(@"\b(today|todays|current|currently|nowadays|presently|at\s+present|right\s+now|these\s+days)\b|сегодня|сейчас|в\s+настоящее\s+время|нынешн|текущ|現在|今日|いま", RegexOptions.CultureInvariant)]
    private static partial Regex AsksPresentState();

    [GeneratedRegex(@"\b(position|positions|stance|argue|argues|argued|argument|arguments|case|view|views|justify|justifies|justification)\b|позици|аргумент|立場|主張", RegexOptions.CultureInvariant)]
    private static partial Regex StanceWord();

    [GeneratedRegex(@"\bhow\s+(many|much)\b|сколько|何人|いくつ|どのくらい", RegexOptions.CultureInvariant)]
    private static partial Regex AsksNumber();
}
