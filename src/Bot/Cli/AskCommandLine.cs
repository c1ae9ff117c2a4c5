using System.CommandLine;
using System.Text.Json;
using Kuril.Bot.Hosting;
using Kuril.Bot.Json;
using Kuril.Bot.Terminal;
using Kuril.Knowledge.Answers;
using Microsoft.Extensions.DependencyInjection;

namespace Kuril.Bot.Cli;

/// <summary><c>ask [--json] &lt;question&gt;</c>: answers once; with <c>--json -</c>, one question per input line.</summary>
internal static class AskCommandLine
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object per answer." };
        var question = new Argument<string>("question") { Description = "The question; with --json, '-' reads one question per line from standard input." };
        var command = new Command("ask", "Answer a question with cited excerpts.") { json, question };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = BotHost.CreateBuilder(parse.UnmatchedTokens.ToArray(), interactive: false).Build();
            var (knowledge, exit) = await HostRunner.ResolveAsync(host, s => s.GetRequiredService<KnowledgeBase>().Load());
            if (knowledge is null) return exit;

            var text = parse.GetValue(question) ?? string.Empty;
            if (!parse.GetValue(json))
            {
                await Console.Out.WriteLineAsync(PlainTextAnswerRenderer.Render(knowledge.Ask(text)));
                return 0;
            }

            if (text != "-")
            {
                await WriteJsonAsync(knowledge.Ask(text));
                return 0;
            }

            while (await Console.In.ReadLineAsync(cancellationToken) is { } line)
            {
                await WriteJsonAsync(knowledge.Ask(line));
            }

            return 0;
        });
        return command;
    }

    private static async Task WriteJsonAsync(Answer answer)
    {
        await Console.Out.WriteLineAsync(JsonSerializer.Serialize(AnswerJson.From(answer), BotJsonContext.Default.AnswerJson));
        await Console.Out.FlushAsync();
    }
}
