using Kuril.Knowledge.Corpus;

namespace Kuril.Knowledge.Tests.Support;

/// <summary>Small documents built in memory.</summary>
internal static class Documents
{
    public static CorpusDocument Compilation(string id, string body) =>
        new(id, id + ".md", id, CorpusDocument.CompilationKind, null, null, null, body, 1);

    public static CorpusDocument News(string id, string body) =>
        new(id, id + ".md", id, "news", "Example Times", new DateOnly(2020, 5, 1), new Uri("https://example.org/" + id), body, 1);
}
