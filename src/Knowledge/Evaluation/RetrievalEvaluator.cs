using System.Text;
using System.Text.Json;
using Kuril.Knowledge.Answers;

namespace Kuril.Knowledge.Evaluation;

/// <summary>Scores the knowledge base on an evaluation set, as <c>shared/eval/README.md</c> defines the metrics.</summary>
public static class RetrievalEvaluator
{
    private const int Depth = 5;

    /// <summary>Reads an evaluation file: one JSON object a line, blank lines ignored.</summary>
    /// <exception cref="FormatException">A line is not a valid question; the message gives its number.</exception>
    public static List<EvalQuestion> ReadQuestions(string path)
    {
        var questions = new List<EvalQuestion>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                var question = JsonSerializer.Deserialize(line, EvalJsonContext.Default.EvalQuestion);
                questions.Add(Check(question));
            }
            catch (Exception e) when (e is JsonException or FormatException)
            {
                throw new FormatException($"{path}, line {number}: {e.Message}", e);
            }
        }

        return questions;
    }

    // JSON null gets past the types: a null list, or a null inside one, is as unreadable as a number would be.
    private static EvalQuestion Check(EvalQuestion? question)
    {
        if (question is null || string.IsNullOrWhiteSpace(question.Question)) throw new FormatException("no question");
        if (string.IsNullOrWhiteSpace(question.Id)) throw new FormatException("no id");
        question.Kind ??= string.Empty;
        question.Expect ??= "answer";
        question.MustNot ??= [];
        if (question.MustNot.Any(m => string.IsNullOrWhiteSpace(m))) throw new FormatException("'must_not' holds a null or empty string");
        question.Gold ??= [];
        if (question.Gold.Any(g => g is null || g.Any(string.IsNullOrWhiteSpace))) throw new FormatException("'gold' holds a null or empty entry");
        if (question.ExpectsAnswer && question.Gold.Count == 0) throw new FormatException($"question '{question.Id}' expects an answer but has no 'gold'");
        return question;
    }

    /// <summary>Asks every question and scores the answers.</summary>
    public static EvalReport Evaluate(IKnowledgeBase knowledge, IReadOnlyList<EvalQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        int answerCount = 0, abstainCount = 0, hits = 0, abstained = 0, falseAbstentions = 0, debris = 0;
        var reciprocalRanks = 0.0;
        var misses = new List<EvalMiss>();
        foreach (var question in questions)
        {
            var answer = knowledge.Ask(question.Question, Depth);
            var texts = answer.Excerpts.Select(e => e.Text).ToList();
            var normalized = texts.Select(Normalize).ToList();
            var debrisHere = normalized.Count(t => question.MustNot.Any(m => t.Contains(Normalize(m), StringComparison.Ordinal)));
            debris += debrisHere;
            if (debrisHere > 0) misses.Add(new EvalMiss(question, "returned page debris", texts));

            if (!question.ExpectsAnswer)
            {
                abstainCount++;
                if (answer.Abstained && answer.Excerpts.Count == 0) abstained++;
                else misses.Add(new EvalMiss(question, "answered a question the corpus does not cover", texts));
                continue;
            }

            answerCount++;
            if (answer.Excerpts.Count == 0)
            {
                falseAbstentions++;
                misses.Add(new EvalMiss(question, "abstained", texts));
                continue;
            }

            var gold = question.Gold.Select(entry => entry.Select(Normalize).ToList()).ToList();
            var rank = normalized.FindIndex(t => gold.Any(entry => entry.TrueForAll(g => t.Contains(g, StringComparison.Ordinal)))) + 1;
            if (rank is >= 1 and <= 3) hits++;
            if (rank >= 1) reciprocalRanks += 1.0 / rank;
            if (rank is 0 or > 3) misses.Add(new EvalMiss(question, rank == 0 ? "no gold excerpt in the first five" : $"gold excerpt at rank {rank}", texts));
        }

        return new EvalReport(
            questions.Count,
            answerCount,
            abstainCount,
            answerCount == 0 ? 0 : (double)hits / answerCount,
            answerCount == 0 ? 0 : reciprocalRanks / answerCount,
            abstainCount == 0 ? 0 : (double)abstained / abstainCount,
            answerCount == 0 ? 0 : (double)falseAbstentions / answerCount,
            debris,
            misses);
    }

    /// <summary>Lower case, letters and digits only, so "landing after Japan" matches "landingafterJapan".</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c)) builder.Append(c);
        }

        return builder.ToString();
    }
}
