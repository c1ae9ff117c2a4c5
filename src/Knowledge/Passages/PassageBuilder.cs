using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Kuril.Knowledge.Cleaning;
using Kuril.Knowledge.Corpus;
using Kuril.Knowledge.Search;
using Kuril.Knowledge.Text;

namespace Kuril.Knowledge.Passages;

/// <summary>
/// Cleans documents and cuts them into passages: page debris out, run-together words and dropped apostrophes
/// repaired, sentences grouped into passages of one to three, near-duplicates merged.
/// </summary>
public sealed partial class PassageBuilder(KnowledgeResources resources)
{
    private const int MaxSentencesPerPassage = 3;
    private const int MaxPassageChars = 420;
    private const int ShortSentenceChars = 90;

    private readonly TermAnalyzer _analyzer = resources.CreateAnalyzer();
    private readonly HashSet<string> _placeTerms = resources.Aliases.Groups.Select(g => g.Term).ToHashSet(StringComparer.Ordinal);
    private readonly SentenceFilter _filter = new(resources.Rules);

    /// <summary>Builds the passages of every document.</summary>
    public PassageSet Build(IReadOnlyList<CorpusDocument> documents)
    {
        var repairer = new WordRepairer(resources.Words, resources.Rules.Contractions, documents.Select(d => d.Body));
        // Documents are cleaned independently (the repairer, filter and analyzer only read shared state), so they
        // are cleaned in parallel and their sentences joined in document order: the same lists as one by one.
        // The corpus has a few tens of thousands of distinct terms but millions of term occurrences: one string per
        // distinct term keeps hundreds of MB of copies out of the heap (and the garbage collector's way) at scale.
        var sharedTerms = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var cleaned = new (List<CleanSentence> Sentences, List<DroppedText> Dropped)[documents.Count];
        try
        {
            Parallel.For(0, documents.Count, i => cleaned[i] = Clean(documents[i], repairer, sharedTerms));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count >= 1)
        {
            // Fail as the sequential loop did: with the first error itself (a cleaning pattern's timeout), not a wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
        var dropped = new List<DroppedText>();
        var sentences = new List<CleanSentence>();
        foreach (var (documentSentences, documentDropped) in cleaned)
        {
            sentences.AddRange(documentSentences);
            dropped.AddRange(documentDropped);
        }

        var topical = KeepTopical(RejoinFootnotes(sentences), dropped);
        var passages = Group(topical);
        return new PassageSet(RemoveDuplicates(passages, dropped), dropped);
    }

    private (List<CleanSentence> Sentences, List<DroppedText> Dropped) Clean(CorpusDocument document, WordRepairer repairer, ConcurrentDictionary<string, string> sharedTerms)
    {
        var dropped = new List<DroppedText>();
        var sentences = new List<CleanSentence>();
        var lines = document.Body.Split('\n');
        for (var line = 0; line < lines.Length; line++)
        {
            foreach (var span in SentenceSplitter.Split(lines[line].Trim()))
            {
                var text = Repair(repairer, StripFurniture(span.Text));
                if (text.Length == 0) continue;
                if (_filter.Check(text) is { } reason)
                {
                    dropped.Add(new DroppedText(document.Id, text, reason));
                    continue;
                }

                var terms = _analyzer.PassageTerms(text);
                for (var t = 0; t < terms.Count; t++) terms[t] = sharedTerms.GetOrAdd(terms[t], terms[t]);
                sentences.Add(new CleanSentence(document, line, document.BodyLine + line, text, terms));
            }
        }

        return (sentences, dropped);
    }

    private string StripFurniture(string sentence)
    {
        foreach (var pattern in resources.Rules.Strip)
        {
            sentence = pattern.Replace(sentence, string.Empty);
        }

        return sentence.Trim();
    }

    private static string Repair(WordRepairer repairer, string sentence)
    {
        var repaired = MultipleSpaces().Replace(repairer.Repair(TextNormalizer.StripInvisible(sentence)), " ").Trim();
        return DoubledPeriod().Replace(repaired, "."); // "Japan must never stop.." (an ellipsis "..." stays)
    }

    // "… the five candidate projects* to be undertaken" and, elsewhere, "*(1) Propagation …": a footnote that
    // scraping cut loose is joined back to the one sentence of its document that marks a footnote.
    //
    // Each footnote looks only at its own document's sentences, by position: scanning, finding and removing in the
    // whole corpus's list was quadratic (seconds per thousand footnotes at 10,000 documents). Slots keep the list's
    // order; a removed sentence leaves an empty slot, and the outcome is the one the list operations gave.
    private static List<CleanSentence> RejoinFootnotes(List<CleanSentence> sentences)
    {
        var slots = sentences.ToArray<CleanSentence?>();
        var positionsByDocument = new Dictionary<CorpusDocument, List<int>>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < sentences.Count; i++)
        {
            if (!positionsByDocument.TryGetValue(sentences[i].Document, out var positions))
            {
                positionsByDocument[sentences[i].Document] = positions = [];
            }

            positions.Add(i);
        }

        for (var f = 0; f < sentences.Count; f++)
        {
            var footnote = sentences[f];
            if (!footnote.Text.StartsWith('*')) continue;
            var references = positionsByDocument[footnote.Document]
                .Where(i => slots[i] is { } s && s != footnote && FootnoteMark().IsMatch(s.Text))
                .ToList();
            if (references.Count != 1) continue;
            var reference = slots[references[0]]!;
            slots[references[0]] = reference with
            {
                Text = reference.Text + " " + footnote.Text,
                Terms = [.. reference.Terms, .. footnote.Terms],
            };

            // The footnote's own slot, unless it was itself rejoined (changed) above: then, as before, nothing is removed.
            if (slots[f] == footnote) slots[f] = null;
        }

        return slots.OfType<CleanSentence>().ToList();
    }

    // A sentence that names no topic word and shares little vocabulary with the rest of the corpus is a sidebar
    // or unrelated commentary that scraping picked up.
    private List<CleanSentence> KeepTopical(List<CleanSentence> sentences, List<DroppedText> dropped)
    {
        var sentenceFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sentence in sentences)
        {
            foreach (var term in sentence.Terms.Distinct()) sentenceFrequency[term] = sentenceFrequency.GetValueOrDefault(term) + 1;
        }

        var topicTerms = resources.Rules.TopicWords.Select(w => string.Join(' ', Tokenizer.Terms(w))).ToHashSet(StringComparer.Ordinal);

        // Each sentence is judged on its own against the finished counts, so in parallel; kept in order.
        var topical = new bool[sentences.Count];
        Parallel.For(0, sentences.Count, i => topical[i] = IsTopical(sentences[i], topicTerms, sentenceFrequency));
        var kept = new List<CleanSentence>(sentences.Count);
        for (var i = 0; i < sentences.Count; i++)
        {
            var sentence = sentences[i];
            if (topical[i]) kept.Add(sentence);
            else dropped.Add(new DroppedText(sentence.Document.Id, sentence.Text, DebrisReason.OffTopic));
        }

        return kept;
    }

    private bool IsTopical(CleanSentence sentence, HashSet<string> topicTerms, Dictionary<string, int> sentenceFrequency)
    {
        if (topicTerms.Count == 0 || sentence.Terms.Any(_placeTerms.Contains)) return true;
        var stems = Tokenizer.Terms(sentence.Text);
        for (var i = 0; i < stems.Count; i++)
        {
            if (topicTerms.Contains(stems[i]) || (i + 1 < stems.Count && topicTerms.Contains(stems[i] + " " + stems[i + 1]))) return true;
        }

        var content = sentence.Terms.Distinct().ToList();
        if (content.Count == 0) return false;
        var shared = content.Count(t => sentenceFrequency.GetValueOrDefault(t) >= 2);
        return (double)shared / content.Count >= resources.Rules.MinTopicality;
    }

    // Compilations stand sentence by sentence; elsewhere short neighbouring sentences of a paragraph join up.
    private static List<Passage> Group(List<CleanSentence> sentences)
    {
        var passages = new List<Passage>();
        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        var i = 0;
        while (i < sentences.Count)
        {
            var first = sentences[i];
            var text = first.Text;
            var terms = new List<string>(first.Terms);
            var count = 1;
            i++;
            while (!first.Document.IsCompilation
                && i < sentences.Count
                && count < MaxSentencesPerPassage
                && sentences[i].Document == first.Document
                && sentences[i].Paragraph == first.Paragraph
                && (text.Length < ShortSentenceChars || sentences[i].Text.Length < ShortSentenceChars)
                && text.Length + 1 + sentences[i].Text.Length <= MaxPassageChars)
            {
                text += " " + sentences[i].Text;
                terms.AddRange(sentences[i].Terms);
                count++;
                i++;
            }

            var ordinal = ordinals.GetValueOrDefault(first.Document.Id);
            ordinals[first.Document.Id] = ordinal + 1;
            passages.Add(new Passage(first.Document.Id, ordinal, text, first.SourceLine, terms));
        }

        return passages;
    }

    // Near-duplicates (the same sentence scraped twice, or with a word added) are found by shared minimum hashes
    // and confirmed by the overlap of their term sets (see NearDuplicates); the first one stays.
    private static List<Passage> RemoveDuplicates(List<Passage> passages, List<DroppedText> dropped)
    {
        var duplicate = NearDuplicates.Find(passages.ConvertAll(p => p.Terms));
        var kept = new List<Passage>(passages.Count);
        var renumber = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < passages.Count; i++)
        {
            var passage = passages[i];
            if (duplicate[i])
            {
                dropped.Add(new DroppedText(passage.DocumentId, passage.Text, DebrisReason.Duplicate));
                continue;
            }

            var ordinal = renumber.GetValueOrDefault(passage.DocumentId);
            renumber[passage.DocumentId] = ordinal + 1;
            kept.Add(passage with { Ordinal = ordinal });
        }

        return kept;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]\*(?!\*)", RegexOptions.CultureInvariant)]
    private static partial Regex FootnoteMark();

    [GeneratedRegex(@"(?<!\.)\.\.(?!\.)", RegexOptions.CultureInvariant)]
    private static partial Regex DoubledPeriod();

    [GeneratedRegex(@"\s{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex MultipleSpaces();

    private sealed record CleanSentence(CorpusDocument Document, int Paragraph, int SourceLine, string Text, List<string> Terms);
}
