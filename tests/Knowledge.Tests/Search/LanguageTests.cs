using Kuril.Knowledge.Answers;
using Kuril.Knowledge.Tests.Support;

namespace Kuril.Knowledge.Tests.Search;

/// <summary>Russian and Japanese text is analysed by Lucene's analysers: inflected forms and unspaced words meet.</summary>
public sealed class LanguageTests : IDisposable
{
    private readonly TempCorpus _corpus = new(withShippedDocuments: false);
    private readonly ListLogger<KnowledgeBase> _logger = new();

    public void Dispose() => _corpus.Dispose();

    [Theory]
    [InlineData("Что случилось с рыбаком?", "задержали рыбаков из Немуро")]
    [InlineData("пограничник", "Пограничники задержали")]
    [InlineData("рыбаки", "задержали рыбаков из Немуро")]
    public void Russian_inflected_forms_find_the_passage(string question, string expected)
    {
        _corpus.WriteDocument("ru.md", "---\ntitle: Новости\n---\nПограничники задержали рыбаков из Немуро у острова Танфильева.\n");
        using var knowledge = TestKnowledge.Over(_corpus, _logger).Load();

        Assert.True(knowledge.Finds(question, expected), question);
    }

    [Fact]
    public void Japanese_words_inside_an_unspaced_sentence_find_the_passage()
    {
        // Cleaning keeps sentences that end as English ones do; the Japanese words sit inside them.
        _corpus.WriteDocument("ja.md", "---\ntitle: News\n---\nFormer residents call their campaign 元島民の返還運動 and it continues today. Fishermen in Nemuro ask for 安全操業 near the islands every year.\n");
        using var knowledge = TestKnowledge.Over(_corpus, _logger).Load();

        Assert.True(knowledge.Finds("返還運動について教えて", "返還運動"));
        Assert.True(knowledge.Finds("安全操業とは何ですか", "安全操業"));
    }
}
