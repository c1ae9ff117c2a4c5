using System.Runtime.InteropServices;
using Kuril.Knowledge.Answers;
using Kuril.Knowledge.Index;
using Kuril.Knowledge.Text;

namespace Kuril.Knowledge.Search;

/// <summary>
/// Ranks passages for a question. The Lucene index finds the candidates; the ranking is BM25 computed here with an
/// IDF over the project's own terms (aliases, answer types), scaled by how much of the question's weight a passage
/// covers and raised for the question's word pairs.
/// A question whose best passage covers too little of it is not answered.
/// </summary>
public sealed class PassageSearcher
{
    /// <summary>Most distinct terms taken from one question; the rest of a very long text is ignored.</summary>
    public const int MaxQueryTerms = 48;

    private const int CandidateLimit = 400;

    // Postings read to preselect candidates when too many passages cover a share (about 0.1 µs each).
    private const int PostingsBudget = 20_000;

    // A term in more than this share of passages is common (see CoverageMatch.Build).
    private const double CommonShare = 0.1;

    // Coverage shares whose passages are gathered: the least an answer needs, then higher ones when too many have it.
    private static readonly double[] Levels = [WeakCoverage, AnswerCoverage, 0.8, 1.0];

    // A passage holding the question's words side by side, as a phrase, ranks up to this much higher.
    private const double PhraseBoost = 0.5;
    private const double K1 = 1.2;
    private const double B = 0.3; // passages are short; a rejoined footnote should not sink its sentence

    // Calibrated on questions the corpus cannot answer and on paraphrases it can (tests/Knowledge.Tests/Data): a
    // question is answered when its best passage covers this share of its term weight, or less when that passage
    // also scores well (several rare terms, not one common one). Unrelated questions stay below 0.5 coverage and
    // below 2.5 score; paraphrased answerable ones reach 3 and more.
    private const double AnswerCoverage = 0.6;
    private const double WeakCoverage = 0.4;
    private const double WeakCoverageScore = 2.7;
    private const double RelativeCoverage = 0.5;

    // An earlier question's terms join a follow-up at a share of their weight. A follow-up that names its own
    // subject ("What about Shikotan?") is answered from its own words, the earlier subject only breaking ties among
    // them; one that refers back with a pronoun ("How did he die?") is about the earlier subject, which then weighs
    // nearly as much as its own words, so that a passage about that subject outranks one holding only "die".
    private const double ContextWeight = 0.35;
    private const double ReferredContextWeight = 0.75;

    [ThreadStatic]
    private static Dictionary<long, (double Bm25, double Matched)>? _partial;

    private readonly PassageIndex _index;
    private readonly TermAnalyzer _analyzer;
    private readonly Speller? _speller;
    private readonly int _commonFrequency;

    /// <summary>Creates a searcher over one index.</summary>
    public PassageSearcher(PassageIndex index, TermAnalyzer analyzer)
        : this(index, analyzer, null)
    {
    }

    /// <summary>Creates a searcher over one index that also searches misspelled words as the words they stand for.</summary>
    /// <param name="index">The index.</param>
    /// <param name="analyzer">The analyser the index was built with.</param>
    /// <param name="words">The English word list: words it knows are never corrected.</param>
    /// <param name="groups">Aliases and synonyms, whose names misspelled words are corrected to first.</param>
    public PassageSearcher(PassageIndex index, TermAnalyzer analyzer, Cleaning.WordList words, Aliases.AliasTable groups)
        : this(index, analyzer, new Speller(index, words, groups))
    {
    }

    private PassageSearcher(PassageIndex index, TermAnalyzer analyzer, Speller? speller)
    {
        _index = index;
        _analyzer = analyzer;
        _speller = speller;

        // Where every match can be read anyway, match exactly; on a large corpus, leave common terms out of AND-ed
        // sets (the scoring still counts them).
        _commonFrequency = index.PassageCount <= CandidateLimit ? int.MaxValue : (int)(index.PassageCount * CommonShare);
    }

    /// <summary>Ranks the passages for a question, abstaining when none covers enough of it.</summary>
    public SearchResult Search(string question, int limit) => Search(question, null, limit);

    /// <summary>
    /// Ranks the passages for a question asked after <paramref name="context"/> (an earlier question, or null): the
    /// earlier question's terms that this one lacks are searched too, at a lower weight.
    /// </summary>
    public SearchResult Search(string question, string? context, int limit)
    {
        var query = Prepare(question, context);
        if (query is null) return new SearchResult([], true, 0);
        var matched = query.Matchable.Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        if (query.Unknown is not null) return new SearchResult([], true, 0) { Terms = matched };

        // Only passages covering WeakCoverage or more can make a question answerable, and the answer lists passages
        // down to RelativeCoverage of the best one's coverage, so only those are fetched and scored: the outcome is
        // the one of scoring every passage that shares a term with the question, as long as they number at most
        // CandidateLimit at each step. When more do (a large corpus), only those covering a higher share are scored
        // (see Collect).
        // A follow-up can be answered on its own words (see Score): the passages covering enough of those are gathered
        // too, though they cover less of the whole once an earlier question's terms join.
        var own = query.OwnWeight > 0 ? Math.Min(1, query.OwnWeight / query.TotalWeight) : 1;
        var scored = new Dictionary<long, Scored>();
        var lowest = CoverageMatch.Build(query.Matchable, query.TotalWeight, WeakCoverage * RelativeCoverage * own, _commonFrequency);
        var complete = true;
        if (lowest is not null && lowest.MostMatches <= CandidateLimit)
        {
            // Few enough for certain (a small corpus): every passage that could be listed, read in one go.
            Score(query, _index.MatchTerms(lowest, CandidateLimit), scored);
        }
        else
        {
            complete = Collect(query, own < 1 ? Array.ConvertAll(Levels, level => level * own) : Levels, scored);
        }

        var best = 0.0;
        var answerable = false;
        foreach (var candidate in scored.Values)
        {
            best = Math.Max(best, candidate.Coverage);
            answerable |= candidate.Coverage >= WeakCoverage && candidate.Score >= WeakCoverageScore;

            // A follow-up the sources answer on its own words is answered, ranked with the earlier question's help:
            // an earlier question's terms can only make it answerable, never abstained on.
            answerable |= candidate.OwnCoverage >= AnswerCoverage || (candidate.OwnCoverage >= WeakCoverage && candidate.OwnScore >= WeakCoverageScore);
        }

        answerable |= best >= AnswerCoverage;
        if (!answerable) return new SearchResult([], true, best) { Terms = matched };

        var needed = best * RelativeCoverage;
        if (complete && needed < WeakCoverage) Collect(query, [needed, WeakCoverage], scored);
        var relevant = scored.Values.Where(c => c.Coverage >= needed).ToList();
        relevant.Sort(BestFirst);
        if (relevant.Count > limit) relevant.RemoveRange(limit, relevant.Count - limit);
        return new SearchResult(WithPassages(relevant), false, best) { Corrections = query.Corrections, Terms = matched };
    }

    /// <summary>Every candidate passage for a question, best first, with no abstention: for calibration and tools.</summary>
    public Ranking Rank(string question)
    {
        var query = Prepare(question, null);
        if (query is null) return new Ranking([], 0);
        var scored = new Dictionary<long, Scored>();
        var match = CoverageMatch.Any(query.Matchable);
        if (match is not null) Score(query, _index.RankedCandidates(match, CandidateLimit), scored);
        var ranked = scored.Values.ToList();
        ranked.Sort(BestFirst);
        return new Ranking(WithPassages(ranked), query.TotalWeight);
    }

    private Query? Prepare(string question, string? context)
    {
        var analyzed = _analyzer.Analyze(question);
        var (queryTerms, frequencies) = Lookup(analyzed);
        List<Correction> corrections = [];
        if (_speller is not null)
        {
            // A misspelled word is searched as the word it most likely stands for, names included: the question is
            // analysed again with it, so a corrected "Kunashri" also names the Kunashiri group.
            var found = _speller.Correct(analyzed, frequencies);
            if (found.Count > 0)
            {
                var folded = analyzed.Folded;
                foreach (var (token, correction) in Enumerable.Reverse(found)) folded = string.Concat(folded.AsSpan(0, token.Start), correction.Corrected, folded.AsSpan(token.End));
                analyzed = _analyzer.Analyze(folded);
                (queryTerms, frequencies) = Lookup(analyzed);
                corrections = found.ConvertAll(f => f.Correction);
            }
        }

        var bigrams = TermAnalyzer.Bigrams(analyzed).Distinct().Take(MaxQueryTerms).ToList();

        // Words in a script the corpus does not use cannot be matched or weighed: leave them out rather than let
        // them count against a Russian or Japanese question whose place names did match.
        queryTerms.RemoveAll(t => !frequencies.ContainsKey(t.Term) && t.Script is not (TokenScript.Latin or TokenScript.Number));

        var n = Math.Max(_index.PassageCount, 1);
        var weights = queryTerms.ConvertAll(t => (t.Term, Weight: Idf(n, frequencies.GetValueOrDefault(t.Term))));
        var ownTerms = weights.Count;
        var ownWeight = weights.Sum(w => w.Weight);
        if (!string.IsNullOrWhiteSpace(context)) AddContext(context, TermAnalyzer.RefersBack(analyzed) ? ReferredContextWeight : ContextWeight, n, weights, frequencies);
        var totalWeight = weights.Sum(w => w.Weight);
        if (totalWeight <= 0) return null;

        // One number per distinct word the scoring looks for: question terms first (their weights share the
        // numbers), then words that occur only in the question's word pairs.
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (term, _) in weights) ids.TryAdd(term, ids.Count);
        foreach (var (first, second) in bigrams)
        {
            ids.TryAdd(first, ids.Count);
            ids.TryAdd(second, ids.Count);
        }

        // Words a passage must (or must not) hold are numbered too, so that scoring counts them as it reads.
        var required = TermAnalyzer.RequiredTerms(analyzed).ConvertAll(set => Array.ConvertAll(set, term => Number(ids, term)));
        var excluded = -1;
        if (TermAnalyzer.AsksPresent(analyzed))
        {
            required.Add([Number(ids, TermAnalyzer.CurrentTerm)]);
            excluded = Number(ids, TermAnalyzer.DateTerm);
        }

        var pairs = bigrams.ConvertAll(b => (ids[b.First], ids[b.Second]));
        var lengths = 0UL;
        foreach (var term in ids.Keys) lengths |= LengthBit(term.Length);
        var matchable = weights.Where(w => frequencies.ContainsKey(w.Term)).Select(w => new MatchableTerm(w.Term, w.Weight, frequencies[w.Term])).ToList();
        var unknown = _speller?.FirstUnknown(analyzed, frequencies);
        return new Query([.. weights.Select(w => w.Weight)], totalWeight, matchable, ids, pairs, lengths, corrections, required, excluded, unknown, ownTerms, ownWeight);
    }

    // The earlier question's terms count as optional ones of lower weight: like the question's own, they raise the
    // passages holding them and their share of the weight, but never make a passage required to hold them. Only
    // terms the index holds are added, so an earlier word the sources lack cannot lower a follow-up's coverage.
    private void AddContext(string context, double share, int passages, List<(string Term, double Weight)> weights, Dictionary<string, int> frequencies)
    {
        var (terms, found) = Lookup(_analyzer.Analyze(context));
        var known = weights.Select(w => w.Term).ToHashSet(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            if (weights.Count >= MaxQueryTerms) break;
            if (!found.TryGetValue(term.Term, out var frequency) || !known.Add(term.Term)) continue;
            weights.Add((term.Term, share * Idf(passages, frequency)));
            frequencies[term.Term] = frequency;
        }
    }

    private static int Number(Dictionary<string, int> ids, string term)
    {
        ids.TryAdd(term, ids.Count);
        return ids[term];
    }

    private (List<QueryTerm> Terms, Dictionary<string, int> Frequencies) Lookup(AnalyzedText analyzed)
    {
        var queryTerms = TermAnalyzer.QueryTerms(analyzed);
        if (queryTerms.Count > MaxQueryTerms) queryTerms.RemoveRange(MaxQueryTerms, queryTerms.Count - MaxQueryTerms);
        return (queryTerms, _index.DocumentFrequencies(queryTerms.ConvertAll(t => t.Term)));
    }

    // Scores the passages covering the first share, or if there are more than CandidateLimit of them, those
    // covering the next share, and so on: counting matches is cheap, reading and scoring them is not. Returns
    // whether every passage covering the first share was scored.
    private bool Collect(Query query, double[] shares, Dictionary<long, Scored> scored)
    {
        CoverageExpression? tooMany = null;
        foreach (var share in shares)
        {
            var expression = CoverageMatch.Build(query.Matchable, query.TotalWeight, share, _commonFrequency);
            if (expression is null) break; // no passage reaches this share, nor a higher one
            if (expression.SameAs(tooMany)) continue;
            if (expression.MostMatches <= CandidateLimit)
            {
                // Few enough for certain (a small corpus, rare words): read them in one go.
                Score(query, _index.MatchTerms(expression, CandidateLimit), scored);
                break;
            }

            var ids = _index.Matches(expression, CandidateLimit + 1);
            if (ids.Count <= CandidateLimit)
            {
                Score(query, _index.Terms(ids.FindAll(id => !scored.ContainsKey(id))), scored);
                break;
            }

            tooMany = expression;
        }

        if (tooMany is not null && scored.Count == 0) Score(query, BestOf(tooMany), scored);
        return tooMany is null;
    }

    // When even the highest share has too many passages (a one-word question on a large corpus), CandidateLimit of
    // them are scored: those the expression's rarer terms alone score best, by BM25 computed from the terms'
    // postings and the passages' lengths; the commonest terms, whose postings would cost most and weigh least,
    // are left out of this preselection (not of the scoring that follows).
    private List<CandidateTerms> BestOf(CoverageExpression expression)
    {
        // Kept per thread and cleared: one-word questions at scale would otherwise put tens of thousands of entries
        // on the large-object heap per question, which a process after a big index build collects late.
        var partial = _partial ??= [];
        partial.Clear();
        var averageLength = Math.Max(_index.AverageTerms, 1);
        var budget = PostingsBudget;
        foreach (var term in expression.Terms.OrderBy(t => t.Frequency))
        {
            if (budget < term.Frequency && partial.Count > 0) break;
            budget -= term.Frequency;
            _index.Postings(term.Term, (id, tf) =>
            {
                ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(partial, id, out _);
                entry.Bm25 += term.Weight * tf * (K1 + 1) / (tf + (K1 * (1 - B + (B * _index.TermCount(id) / averageLength))));
                entry.Matched += term.Weight;
            });
        }

        // The best CandidateLimit, kept in a heap whose root is the worst kept.
        var best = new PriorityQueue<long, (double Score, long Id)>(CandidateLimit + 1, WorstFirst.Instance);
        foreach (var (id, (bm25, matched)) in partial)
        {
            best.Enqueue(id, (bm25 * matched, id));
            if (best.Count > CandidateLimit) best.Dequeue();
        }

        partial.Clear();
        var ids = new List<long>(best.Count);
        while (best.TryDequeue(out var id, out _)) ids.Add(id);
        return _index.Terms(ids);
    }

    private void Score(Query query, List<CandidateTerms> candidates, Dictionary<long, Scored> scored)
    {
        var averageLength = Math.Max(_index.AverageTerms, 1);
        var lookup = query.Ids.GetAlternateLookup<ReadOnlySpan<char>>();
        var termCount = query.Weights.Length;
        Span<int> tf = stackalloc int[query.Ids.Count];
        Span<bool> pairFound = stackalloc bool[query.Pairs.Count];
        scored.EnsureCapacity(scored.Count + candidates.Count);
        foreach (var candidate in candidates)
        {
            if (scored.ContainsKey(candidate.Id)) continue;
            tf.Clear();
            pairFound.Clear();
            var terms = candidate.Terms.AsSpan();
            var length = 0;
            var previous = -1;
            while (true)
            {
                // Terms are stored space-separated; each piece counts towards the length, as splitting would.
                var space = terms.IndexOf(' ');
                var piece = space < 0 ? terms : terms[..space];
                length++;
                var id = (query.LengthMask & LengthBit(piece.Length)) != 0 && lookup.TryGetValue(piece, out var found) ? found : -1;
                if (id >= 0) tf[id]++;
                if (id >= 0 && previous >= 0) MarkPair(query.Pairs, previous, id, pairFound);
                previous = id;
                if (space < 0) break;
                terms = terms[(space + 1)..];
            }

            if (!Answers(query, tf)) continue;
            double bm25 = 0.0, matched = 0.0, ownBm25 = 0.0, ownMatched = 0.0;
            for (var i = 0; i < termCount; i++)
            {
                if (tf[i] == 0) continue;
                var weight = query.Weights[i];
                var term = weight * tf[i] * (K1 + 1) / (tf[i] + (K1 * (1 - B + (B * length / averageLength))));
                matched += weight;
                bm25 += term;
                if (i >= query.OwnTerms) continue;
                ownMatched += weight;
                ownBm25 += term;
            }

            var coverage = matched / query.TotalWeight;
            var ownCoverage = query.OwnWeight > 0 ? ownMatched / query.OwnWeight : 0;
            var boost = 1 + (PhraseBoost * (query.Pairs.Count == 0 ? 0 : (double)Count(pairFound) / query.Pairs.Count));
            scored[candidate.Id] = new Scored(candidate.Id, bm25 * coverage * boost, coverage, ownBm25 * ownCoverage * boost, ownCoverage);
        }
    }

    private static bool Answers(Query query, ReadOnlySpan<int> tf)
    {
        if (query.Excluded >= 0 && tf[query.Excluded] > 0) return false;
        foreach (var alternatives in query.Required)
        {
            var held = false;
            foreach (var id in alternatives) held |= tf[id] > 0;
            if (!held) return false;
        }

        return true;
    }

    // Most of a passage's terms are not the question's; a term of a length no question word has is not looked up.
    private static ulong LengthBit(int length) => 1UL << Math.Min(length, 63);

    private static void MarkPair(List<(int First, int Second)> pairs, int first, int second, Span<bool> found)
    {
        for (var i = 0; i < pairs.Count; i++)
        {
            if (pairs[i].First == first && pairs[i].Second == second) found[i] = true;
        }
    }

    private static int Count(Span<bool> flags)
    {
        var count = 0;
        foreach (var flag in flags)
        {
            if (flag) count++;
        }

        return count;
    }

    // Text is read only for the passages returned, not for every candidate scored.
    private List<RankedPassage> WithPassages(List<Scored> ranked)
    {
        var passages = _index.GetPassages(ranked.ConvertAll(r => r.Id)).ToDictionary(p => p.Id);
        return ranked.Where(r => passages.ContainsKey(r.Id)).Select(r => new RankedPassage(passages[r.Id], r.Score, r.Coverage)).ToList();
    }

    // Equal scores keep the passages' order in the index, whatever order the candidates came in.
    private static int BestFirst(Scored a, Scored b)
    {
        var byScore = b.Score.CompareTo(a.Score);
        return byScore != 0 ? byScore : a.Id.CompareTo(b.Id);
    }

    private static double Idf(int passages, int frequency) =>
        Math.Log(1 + ((passages - frequency + 0.5) / (frequency + 0.5)));
}
