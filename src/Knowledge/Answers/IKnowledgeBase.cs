using Kuril.Knowledge.Aliases;

namespace Kuril.Knowledge.Answers;

/// <summary>Answers questions from the indexed corpus. Safe to call from many threads.</summary>
public interface IKnowledgeBase
{
    /// <summary>The corpus documents in the current index, ordered by id (not the timeline and notes indexed beside them).</summary>
    IReadOnlyList<DocumentInfo> Documents { get; }

    /// <summary>The alias table the current index was built with.</summary>
    AliasTable Aliases { get; }

    /// <summary>
    /// The current index's fingerprint: a hash of every corpus file and the indexing code, so it changes exactly when
    /// what the bot serves does (a cache validator for anything rendered from the index).
    /// </summary>
    string Fingerprint { get; }

    /// <summary>Answers a question with up to <paramref name="count"/> excerpts, skipping the first <paramref name="offset"/>.</summary>
    /// <param name="question">Any user text; nothing in it can make the search fail.</param>
    /// <param name="count">Excerpts wanted; the configured default when null.</param>
    /// <param name="offset">Excerpts already shown, for the next page.</param>
    Answer Ask(string question, int? count = null, int offset = 0);

    /// <summary>
    /// Answers a follow-up: <paramref name="question"/> asked right after <paramref name="earlier"/>, whose topic terms
    /// (those the index holds and the follow-up lacks) are searched as optional terms of lower weight. "How did he
    /// die?" after "Tell me about Takeda's tanks" thus finds Takeda's death, while a follow-up naming its own subject
    /// is answered mostly from its own words. The answer's <see cref="Answer.Question"/> is the follow-up.
    /// </summary>
    /// <param name="question">The follow-up, any user text.</param>
    /// <param name="earlier">The earlier question (or the topic of earlier ones), any user text.</param>
    /// <param name="count">Excerpts wanted; the configured default when null.</param>
    /// <param name="offset">Excerpts already shown, for the next page.</param>
    Answer AskFollowUp(string question, string earlier, int? count = null, int offset = 0);

    /// <summary>A document by id, or null.</summary>
    DocumentInfo? FindDocument(string id);

    /// <summary>A cited passage with <paramref name="radius"/> passages either side, or null if it is gone.</summary>
    PassageContext? GetContext(string documentId, int ordinal, int radius = 1);

    /// <summary>Every passage of a document, in order; empty if the document is unknown.</summary>
    IReadOnlyList<PassageRecord> GetPassages(string documentId);

    /// <summary>The citation of a passage.</summary>
    Citation Cite(PassageRecord passage);

    /// <summary>Re-reads the corpus folder now; on failure the previous index keeps serving.</summary>
    /// <returns>Whether the reload succeeded.</returns>
    bool Reload();
}
