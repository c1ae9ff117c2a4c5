using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Kuril.Knowledge.Index;

/// <summary>Collects matching passage ids in id order, up to a limit.</summary>
internal sealed class IdCollector(int limit) : ICollector
{
    private int _docBase;

    public List<long> Ids { get; } = [];

    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        if (Ids.Count >= limit) throw new CollectionTerminatedException();
        _docBase = context.DocBase;
    }

    public void Collect(int doc)
    {
        Ids.Add(_docBase + doc + 1L);
        if (Ids.Count >= limit) throw new CollectionTerminatedException();
    }
}
