using Kuril.Knowledge.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kuril.Knowledge.Tests.Search;

/// <summary>
/// Fetching only the passages that can reach the coverage an answer needs changes nothing on a corpus of fewer
/// passages than the candidate limit: the answer is the one of scoring every passage that shares a term.
/// </summary>
public sealed class SearchCandidateTests : IDisposable
{
    // PassageSearcher lists passages covering at least this share of the best one's coverage, and answers any
    // question whose best passage covers AnswerCoverage.
    private const double RelativeCoverage = 0.5;
    private const double AnswerCoverage = 0.6;

    private readonly TempDirectory _data = new();
    private readonly KnowledgeState _state;

    public SearchCandidateTests()
    {
        _state = KnowledgeState.Load(RepoPaths.Corpus, _data.Path, Knowledge.Corpus.CorpusFiles.DefaultMaxBytes, requireDocuments: false, NullLogger.Instance);
    }

    public static TheoryData<string> Questions()
    {
        var data = new TheoryData<string>();
        foreach (var line in File.ReadLines(Path.Combine(RepoPaths.Root, "tests", "Knowledge.Tests", "Data", "dev-questions.jsonl")))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var json = System.Text.Json.JsonDocument.Parse(line);
            data.Add(json.RootElement.GetProperty("question").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Questions))]
    public void Lists_the_passages_that_scoring_every_candidate_lists(string question)
    {
        var result = _state.Searcher.Search(question, 50);
        var everything = _state.Searcher.Rank(question).Passages;

        if (result.Abstained)
        {
            Assert.Empty(result.Ranked);
            Assert.True(everything.Count == 0 || everything.Max(p => p.Coverage) < AnswerCoverage);
            return;
        }

        var best = everything.Max(p => p.Coverage);
        Assert.Equal(best, result.BestCoverage);
        var expected = everything.Where(p => p.Coverage >= best * RelativeCoverage).Take(50).Select(p => (p.Passage.Id, p.Score)).ToList();
        Assert.Equal(expected, result.Ranked.Select(p => (p.Passage.Id, p.Score)).ToList());
    }

    public void Dispose()
    {
        _state.Dispose();
        _data.Dispose();
    }
}
