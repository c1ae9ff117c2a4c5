using Kuril.Knowledge.Answers;
using Kuril.Knowledge.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kuril.Knowledge.Tests.Support;

/// <summary>One knowledge base over the repository's corpus, indexed once into a temp data folder and shared by the tests.</summary>
public sealed class ShippedCorpusFixture : IDisposable
{
    private readonly TempDirectory _data = new();

    public ShippedCorpusFixture()
    {
        Knowledge = new KnowledgeBase(
            Options.Create(new KnowledgeOptions { CorpusPath = RepoPaths.Corpus, DataPath = _data.Path }),
            NullLogger<KnowledgeBase>.Instance).Load();
    }

    public KnowledgeBase Knowledge { get; }

    public void Dispose()
    {
        Knowledge.Dispose();
        _data.Dispose();
    }
}
