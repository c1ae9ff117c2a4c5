using Kuril.Knowledge.Answers;
using Microsoft.Extensions.Hosting;

namespace Kuril.Bot.Terminal;

/// <summary>
/// The console chat: reads lines, answers <c>/kuril</c> commands (a line without a slash is a question), and
/// stops the host when input ends.
/// </summary>
internal sealed class ConsoleChatService(
    IKnowledgeBase knowledge,
    TextReaderWriter console,
    IHostApplicationLifetime lifetime) : BackgroundService
{
    public const int MaxQuestionLength = 500;

    internal const string HelpText = """
        /kuril ask <question>   cited excerpts from the sources, e.g. /kuril ask When was the Yalta conference?
        /kuril help             this list
        A line without a slash is asked as a question. /quit or end of input leaves.
        """;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // let the host finish starting before blocking on input
        await console.Output.WriteLineAsync("Kuril Islands dispute bot: console chat. Type /kuril help, or just ask a question.");
        await console.Output.FlushAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            await console.Output.WriteAsync("> ");
            await console.Output.FlushAsync(stoppingToken);
            var line = await console.Input.ReadLineAsync(stoppingToken);
            if (line is null || line.Trim() is "/quit" or "/exit") break;
            var reply = Reply(line.Trim());
            if (reply.Length == 0) continue;
            await console.Output.WriteLineAsync(reply);
            await console.Output.FlushAsync(stoppingToken);
        }

        lifetime.StopApplication();
    }

    internal string Reply(string line)
    {
        if (line.Length == 0) return string.Empty;
        if (!line.StartsWith('/')) return Ask(line);
        var parts = line.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
        if (!parts[0].Equals("/kuril", StringComparison.OrdinalIgnoreCase)) return "Commands start with /kuril. " + Usage;
        if (parts.Length == 1) return Usage;
        return parts[1].ToLowerInvariant() switch
        {
            "ask" when parts.Length == 3 => Ask(parts[2]),
            "ask" => "Ask what? For example: /kuril ask When was the Yalta conference?",
            "help" => HelpText,
            _ => $"Unknown subcommand '{parts[1]}'. {Usage}",
        };
    }

    private const string Usage = "Usage: /kuril <subcommand> …; /kuril help lists them.";

    private string Ask(string question) =>
        question.Length > MaxQuestionLength
            ? $"That question is too long ({question.Length} characters); please keep it under {MaxQuestionLength}."
            : PlainTextAnswerRenderer.Render(knowledge.Ask(question));
}
