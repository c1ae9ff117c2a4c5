using Kuril.Knowledge.Answers;
using Kuril.Knowledge.Hosting;
using Microsoft.Extensions.Options;

namespace Kuril.Knowledge.Tests.Support;

/// <summary>Knowledge bases over temp corpora.</summary>
internal static class TestKnowledge
{
    public static KnowledgeBase Over(TempCorpus corpus, ListLogger<KnowledgeBase> logger, long maxDocumentBytes = Kuril.Knowledge.Corpus.CorpusFiles.DefaultMaxBytes) =>
        new(Options.Create(new KnowledgeOptions { CorpusPath = corpus.CorpusPath, DataPath = corpus.DataPath, MaxDocumentBytes = maxDocumentBytes }), logger);

    /// <summary>Whether any excerpt of the answer contains the text.</summary>
    public static bool Finds(this IKnowledgeBase knowledge, string question, string text)
    {
        var answer = knowledge.Ask(question);
        return !answer.Abstained && answer.Excerpts.Any(e => e.Text.Contains(text, StringComparison.Ordinal));
    }
}
