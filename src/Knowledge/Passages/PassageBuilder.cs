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
    private const double DuplicateSimilarity = 0.8;

    private readonly TermAnalyzer _analyzer = new(resources.TermGroups, resources.StopWords);
    private readonly HashSet<string> _placeTerms = resources.Aliases.Groups.Select(g => g.Term).ToHashSet(StringComparer.Ordinal);
    private readonly SentenceFilter _filter = new(resources.Rules);

    /// <summary>Builds the passages of every document.</summary>
    public PassageSet Build(IReadOnlyList<CorpusDocument> documents)
    {
        var repairer = new WordRepairer(resources.Words, resources.Rules.Contractions, documents.Select(d => d.Body));
        var dropped = new List<DroppedText>();
        var sentences = new List<CleanSentence>();
        foreach (var document in documents)
        {
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

                    sentences.Add(new CleanSentence(document, line, document.BodyLine + line, text, _analyzer.PassageTerms(text)));
                }
            }
        }

        var topical = KeepTopical(RejoinFootnotes(sentences), dropped);
        var passages = Group(topical);
        return new PassageSet(RemoveDuplicates(passages, dropped), dropped);
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
    private static List<CleanSentence> RejoinFootnotes(List<CleanSentence> sentences)
    {
        var result = new List<CleanSentence>(sentences);
        foreach (var footnote in sentences.Where(s => s.Text.StartsWith('*')))
        {
            var references = result.Where(s => s.Document == footnote.Document && s != footnote && FootnoteMark().IsMatch(s.Text)).ToList();
            if (references.Count != 1) continue;
            var reference = references[0];
            result[result.IndexOf(reference)] = reference with
            {
                Text = reference.Text + " " + footnote.Text,
                Terms = [.. reference.Terms, .. footnote.Terms],
            };
            result.Remove(footnote);
        }

        return result;
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
        var kept = new List<CleanSentence>(sentences.Count);
        foreach (var sentence in sentences)
        {
            if (IsTopical(sentence, topicTerms, sentenceFrequency)) kept.Add(sentence);
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
    // and confirmed by the overlap of their term sets; the first one stays.
    private static List<Passage> RemoveDuplicates(List<Passage> passages, List<DroppedText> dropped)
    {
        var kept = new List<Passage>(passages.Count);
        var keptTerms = new List<HashSet<string>>();
        var buckets = new Dictionary<(int Seed, uint Hash), List<int>>();
        var renumber = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var passage in passages)
        {
            var terms = passage.Terms.ToHashSet(StringComparer.Ordinal);
            var keys = MinHashes(terms);
            var duplicate = keys
                .SelectMany(k => buckets.TryGetValue(k, out var list) ? list : [])
                .Any(j => Similarity(terms, keptTerms[j]) >= DuplicateSimilarity);
            if (duplicate)
            {
                dropped.Add(new DroppedText(passage.DocumentId, passage.Text, DebrisReason.Duplicate));
                continue;
            }

            foreach (var key in keys)
            {
                if (!buckets.TryGetValue(key, out var list)) buckets[key] = list = [];
                list.Add(kept.Count);
            }

            var ordinal = renumber.GetValueOrDefault(passage.DocumentId);
            renumber[passage.DocumentId] = ordinal + 1;
            kept.Add(passage with { Ordinal = ordinal });
            keptTerms.Add(terms);
        }

        return kept;
    }

    private static List<(int Seed, uint Hash)> MinHashes(HashSet<string> terms)
    {
        var keys = new List<(int, uint)>(4);
        for (var seed = 0; seed < 4; seed++)
        {
            var min = uint.MaxValue;
            foreach (var term in terms)
            {
                var hash = Fnv(term, (uint)seed);
                if (hash < min) min = hash;
            }

            keys.Add((seed, min));
        }

        return keys;
    }

    private static uint Fnv(string text, uint seed)
    {
        var hash = 2166136261u ^ (seed * 16777619u);
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    private static double Similarity(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    [GeneratedRegex(@"[\p{L}\p{N}]\*(?!\*)", RegexOptions.CultureInvariant)]
    private static partial Regex FootnoteMark();

    [GeneratedRegex(@"(?<!\.)\.\.(?!\.)", RegexOptions.CultureInvariant)]
    private static partial Regex DoubledPeriod();

    [GeneratedRegex(@"\s{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex MultipleSpaces();

    private sealed record CleanSentence(CorpusDocument Document, int Paragraph, int SourceLine, string Text, List<string> Terms);
}
