using System.CommandLine;
using System.Globalization;
using Kuril.Bot.Hosting;
using Kuril.Knowledge.Answers;
using Kuril.Knowledge.Evaluation;
using Microsoft.Extensions.DependencyInjection;

namespace Kuril.Bot.Cli;

/// <summary><c>eval &lt;file&gt;</c>: scores a questions file and prints the metrics, then the misses.</summary>
internal static class EvalCommandLine
{
    public static Command Create(string[] overrides)
    {
        var file = new Argument<FileInfo>("file") { Description = "Questions, one JSON object a line (see shared/eval/README.md)." };
        var command = new Command("eval", "Score retrieval on a questions file.") { file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            List<EvalQuestion> questions;
            try
            {
                questions = RetrievalEvaluator.ReadQuestions(path.FullName);
            }
            catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"Cannot read the questions: {e.Message}");
                return BotCommandLine.UsageError;
            }

            using var host = BotHost.CreateBuilder(overrides, interactive: false).Build();
            var (knowledge, exit) = await HostRunner.ResolveAsync(host, s => s.GetRequiredService<KnowledgeBase>().Load());
            if (knowledge is null) return exit;

            var report = RetrievalEvaluator.Evaluate(knowledge, questions);
            await Console.Out.WriteLineAsync(Format(report));
            var kinds = questions.GroupBy(q => q.Kind, StringComparer.Ordinal).ToList();
            for (var i = 0; kinds.Count > 1 && i < kinds.Count; i++)
            {
                await Console.Out.WriteLineAsync(FormatKind(kinds[i].Key, RetrievalEvaluator.Evaluate(knowledge, kinds[i].ToList())));
            }
            return 0;
        });
        return command;
    }

    // One line a kind of question, so that a set mixing kinds shows which kind is weak.
    private static string FormatKind(string kind, EvalReport report) => report.AnswerQuestions > 0
        ? string.Create(CultureInfo.InvariantCulture, $"kind {kind}: {report.AnswerQuestions} answer, hit@3 {report.HitAt3:0.000}, MRR@5 {report.MrrAt5:0.000}, false abstention {report.FalseAbstention:0.000}")
        : string.Create(CultureInfo.InvariantCulture, $"kind {kind}: {report.AbstainQuestions} abstain, abstention {report.Abstention:0.000}");

    private static string Format(EvalReport report)
    {
        var c = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            string.Create(c, $"questions: {report.Questions} ({report.AnswerQuestions} answer, {report.AbstainQuestions} abstain)"),
            string.Create(c, $"hit@3: {report.HitAt3:0.000}"),
            string.Create(c, $"MRR@5: {report.MrrAt5:0.000}"),
            string.Create(c, $"abstention: {report.Abstention:0.000}"),
            string.Create(c, $"false abstention: {report.FalseAbstention:0.000}"),
            string.Create(c, $"debris: {report.Debris}"),
            string.Create(c, $"misses: {report.Misses.Count}"),
        };
        foreach (var miss in report.Misses)
        {
            lines.Add(string.Create(c, $"  {miss.Question.Id} [{miss.Question.Kind}] {miss.Question.Question}: {miss.Problem}"));
            lines.AddRange(miss.Returned.Select((text, i) => string.Create(c, $"      [{i + 1}] {text}")));
        }

        return string.Join(Environment.NewLine, lines);
    }
}
