using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Kuril.Bot.Commands;
using Kuril.Bot.Hosting;
using Kuril.Bot.Json;
using Kuril.Bot.Terminal;
using Kuril.Bot.Web;
using Kuril.Knowledge.Answers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Cli;

/// <summary><c>ask [--json] &lt;question&gt;</c>: answers once; with <c>--json -</c>, one question per input line.</summary>
internal static class AskCommandLine
{
    public static Command Create(string[] overrides)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object per answer." };
        var question = new Argument<string>("question") { Description = "The question; with --json, '-' reads one question per line from standard input." };
        var command = new Command("ask", "Answer a question with cited excerpts.") { json, question };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = BotHost.CreateBuilder(overrides, interactive: false).Build();
            var (knowledge, exit) = await HostRunner.ResolveAsync(host, s => s.GetRequiredService<KnowledgeBase>().Load());
            if (knowledge is null) return exit;
            var limit = host.Services.GetRequiredService<IOptions<CommandOptions>>().Value.MaxQuestionLength;
            var links = host.Services.GetRequiredService<PassageLinks>();

            var text = parse.GetValue(question) ?? string.Empty;
            if (!parse.GetValue(json) || text != "-")
            {
                if (await TooLongAsync(text, limit, null)) return BotCommandLine.UsageError;
                if (parse.GetValue(json)) await WriteJsonAsync(knowledge.Ask(text), links);
                else await Console.Out.WriteLineAsync(PlainTextAnswerRenderer.Render(knowledge.Ask(text), links));
                return 0;
            }

            // A line over the limit is reported and skipped, as a chat command over it would be; the rest still run.
            var result = 0;
            var number = 0;
            while (await Console.In.ReadLineAsync(cancellationToken) is { } line)
            {
                number++;
                if (await TooLongAsync(line, limit, number)) result = BotCommandLine.UsageError;
                else await WriteJsonAsync(knowledge.Ask(line), links);
            }

            return result;
        });
        return command;
    }

    private static async Task<bool> TooLongAsync(string question, int limit, int? line)
    {
        if (question.Length <= limit) return false;
        var where = line is { } n ? string.Create(CultureInfo.InvariantCulture, $"Line {n}: ") : string.Empty;
        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{where}the question is {question.Length} characters; please keep it to {limit} or fewer."));
        return true;
    }

    private static async Task WriteJsonAsync(Answer answer, PassageLinks links)
    {
        await Console.Out.WriteLineAsync(JsonSerializer.Serialize(AnswerJson.From(answer, links), BotJsonContext.Default.AnswerJson));
        await Console.Out.FlushAsync();
    }
}
