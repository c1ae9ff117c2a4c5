using System.Globalization;
using Kuril.Bot.Commands;
using Kuril.Bot.Hosting.Supervision;
using Kuril.Bot.Replies;
using Microsoft.Extensions.Hosting;

namespace Kuril.Bot.Terminal;

/// <summary>
/// The console chat, a platform adapter like the others: a <c>/kuril</c> line becomes a command request, a line
/// without a slash is asked as a question, one starting with <c>+</c> as a follow-up to the last, <c>#n</c> presses button n of the last reply; all go through the
/// <see cref="CommandDispatcher"/>. Input ending stops the host.
/// </summary>
internal sealed class ConsoleChatService(
    CommandDispatcher dispatcher,
    TextReaderWriter console,
    IHostApplicationLifetime lifetime,
    Supervisor supervisor) : SupervisedService(supervisor, "console chat")
{
    // The console has one user, the operator, who may manage "the channel".
    private const string UserId = "console";

    // A line without a slash is a question.
    private const string AskCommandName = "ask";

    // A line starting with "+" follows on from the last question.
    private const string FollowUpCommandName = "followup";

    private IReadOnlyList<ReplyButton> _lastButtons = [];

    protected override async Task RunAsync(CancellationToken stoppingToken)
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
            var reply = await ReplyAsync(line.Trim(), stoppingToken);
            if (reply.Length == 0) continue;
            await console.Output.WriteLineAsync(reply);
            await console.Output.FlushAsync(stoppingToken);
        }

        lifetime.StopApplication();
    }

    internal async Task<string> ReplyAsync(string line, CancellationToken cancellationToken)
    {
        if (line.Length == 0) return string.Empty;
        Reply reply;
        if (line.StartsWith('#'))
        {
            if (!int.TryParse(line.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1 || number > _lastButtons.Count)
            {
                return _lastButtons.Count == 0 ? "There are no buttons to press." : $"Type #1 to #{_lastButtons.Count} to press a button of the last reply.";
            }

            reply = await dispatcher.PressAsync(new ButtonRequest(Platform.Console, UserId, UserId, _lastButtons[number - 1].Token), cancellationToken);
        }
        else if (line.StartsWith('+'))
        {
            reply = await dispatcher.DispatchAsync(Request(FollowUpCommandName, line[1..]), cancellationToken);
        }
        else if (!line.StartsWith('/'))
        {
            reply = await dispatcher.DispatchAsync(Request(AskCommandName, line), cancellationToken);
        }
        else if (KurilCommandText.Parse(line) is { } command)
        {
            reply = await dispatcher.DispatchAsync(Request(command.Subcommand, command.Arguments), cancellationToken);
        }
        else
        {
            return "Commands start with /kuril; /kuril help lists them. /quit leaves.";
        }

        // Buttons of replies without any (errors, help) leave the previous reply's buttons pressable.
        if (reply.Buttons.Count > 0) _lastButtons = reply.Buttons;
        return ConsoleReplyRenderer.Render(reply, console.IsTerminal);
    }

    private static CommandRequest Request(string subcommand, string arguments) =>
        new(Platform.Console, UserId, UserId, subcommand, arguments, IsAdmin: true);
}
