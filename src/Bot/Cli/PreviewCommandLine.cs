using System.CommandLine;
using Kuril.Bot.Commands.Subcommands;
using Kuril.Bot.Daily;
using Kuril.Bot.Hosting;
using Kuril.Bot.Replies;
using Kuril.Knowledge.Timeline;
using Microsoft.Extensions.DependencyInjection;

namespace Kuril.Bot.Cli;

/// <summary>
/// <c>preview [MM-DD]</c>: the daily post of a day exactly as the console channel receives it (the same builder the
/// scheduler uses). Without a date, today (UTC); a bare MM-DD is the next time that day comes round.
/// </summary>
internal static class PreviewCommandLine
{
    public static Command Create(string[] overrides)
    {
        var date = new Argument<string?>("date") { Description = "The day as MM-DD, e.g. 08-18; today (UTC) when left out.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("preview", "Show what the daily on-this-day post of a day looks like.") { date };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var text = parse.GetValue(date);
            var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
            var day = today;
            if (text is not null)
            {
                if (!MonthDay.TryParse(text, out var monthDay, out var error))
                {
                    await Console.Error.WriteLineAsync(error);
                    return BotCommandLine.UsageError;
                }

                day = PreviewCommand.NextOccurrence(monthDay, today);
            }

            using var host = BotHost.CreateBuilder(overrides, interactive: false).Build();
            var (builder, exit) = await HostRunner.ResolveAsync(host, s => s.GetRequiredService<DailyPostBuilder>());
            if (builder is null) return exit;
            if (builder.Build(day) is not { } post)
            {
                await Console.Error.WriteLineAsync(DailyPostBuilder.Unavailable);
                return BotCommandLine.UsageError;
            }

            await Console.Out.WriteLineAsync(ConsoleReplyRenderer.Render(post));
            return 0;
        });
        return command;
    }
}
