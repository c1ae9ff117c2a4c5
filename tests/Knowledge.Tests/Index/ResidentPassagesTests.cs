using Kuril.Knowledge.Corpus;
using Kuril.Knowledge.Evaluation;
using Kuril.Knowledge.Index;
using Kuril.Knowledge.Passages;
using Kuril.Knowledge.Search;
using Kuril.Knowledge.Tests.Support;

namespace Kuril.Knowledge.Tests.Index;

/// <summary>
/// A small index is matched in memory, a large one by Lucene queries; both must rank every question alike, so the
/// shipped corpus is searched both ways.
/// </summary>
public sealed class ResidentPassagesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kuril-resident-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Matching_in_memory_ranks_every_question_as_the_Lucene_queries_do()
    {
        var resources = KnowledgeResources.Load(RepoPaths.Corpus);
        var snapshot = CorpusReader.Read(RepoPaths.Corpus);
        var passages = new PassageBuilder(resources).Build(snapshot.Documents).Passages;
        var path = Path.Combine(_folder, "index");
        using var inMemory = PassageIndex.Build(path, "same", snapshot.Documents, passages, new CorpusContents([.. snapshot.Documents.Select(d => d.Id)], []));
        using var onDisk = PassageIndex.TryOpen(path, "same", maxResidentPassages: 0);
        Assert.NotNull(onDisk);
        var analyzer = resources.CreateAnalyzer();
        var resident = new PassageSearcher(inMemory, analyzer, resources.Words, resources.TermGroups);
        var queried = new PassageSearcher(onDisk, analyzer, resources.Words, resources.TermGroups);
        var questions = RetrievalEvaluator.ReadQuestions(Path.Combine(RepoPaths.Root, "tests", "Knowledge.Tests", "Data", "dev-questions.jsonl"));

        foreach (var question in questions)
        {
            var expected = queried.Search(question.Question, 10);
            var actual = resident.Search(question.Question, 10);

            Assert.Equal(expected.Abstained, actual.Abstained);
            Assert.Equal(expected.Ranked.Select(p => (p.Passage.Id, p.Score)), actual.Ranked.Select(p => (p.Passage.Id, p.Score)));
        }

        Assert.Contains(questions, q => !resident.Search(q.Question, 10).Abstained);
    }
}
