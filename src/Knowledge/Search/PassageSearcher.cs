using System.Runtime.InteropServices;
using Kuril.Knowledge.Index;

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

    // Calibrated on questions the corpus cannot answer and on paraphrases it can (tests/Knowledge.Tests/Data): a
    // question is answered when its best passage covers this share of its term weight, or less when that passage
    // also scores well (several rare terms, not one common one). Unrelated questions stay below 0.5 coverage and
    // below 2.5 score; paraphrased answerable ones reach 3 and more.
    private const double AnswerCoverage = 0.6;
    private const double WeakCoverage = 0.4;
    private const double WeakCoverageScore = 2.7;
    private const double RelativeCoverage = 0.5;

    [ThreadStatic]
    private static Dictionary<long, (double Bm25, double Matched)>? _partial;

    private readonly PassageIndex _index;
    private readonly QueryBuilder _queries;
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
        _queries = new QueryBuilder(index, analyzer, speller);

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
        var query = _queries.Build(question, context);
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
            CandidateScorer.Score(query, _index.MatchTerms(lowest, CandidateLimit), AverageLength, scored);
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
        var query = _queries.Build(question, null);
        if (query is null) return new Ranking([], 0);
        var scored = new Dictionary<long, Scored>();
        var match = CoverageMatch.Any(query.Matchable);
        if (match is not null) CandidateScorer.Score(query, _index.RankedCandidates(match, CandidateLimit), AverageLength, scored);
        var ranked = scored.Values.ToList();
        ranked.Sort(BestFirst);
        return new Ranking(WithPassages(ranked), query.TotalWeight);
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
                CandidateScorer.Score(query, _index.MatchTerms(expression, CandidateLimit), AverageLength, scored);
                break;
            }

            var ids = _index.Matches(expression, CandidateLimit + 1);
            if (ids.Count <= CandidateLimit)
            {
                CandidateScorer.Score(query, _index.Terms(ids.FindAll(id => !scored.ContainsKey(id))), AverageLength, scored);
                break;
            }

            tooMany = expression;
        }

        if (tooMany is not null && scored.Count == 0) CandidateScorer.Score(query, BestOf(tooMany), AverageLength, scored);
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
        var averageLength = AverageLength;
        var budget = PostingsBudget;
        foreach (var term in expression.Terms.OrderBy(t => t.Frequency))
        {
            if (budget < term.Frequency && partial.Count > 0) break;
            budget -= term.Frequency;
            _index.Postings(term.Term, (id, tf) =>
            {
                ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(partial, id, out _);
                entry.Bm25 += CandidateScorer.Bm25(term.Weight, tf, _index.TermCount(id), averageLength);
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

    private double AverageLength => Math.Max(_index.AverageTerms, 1);

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

}
