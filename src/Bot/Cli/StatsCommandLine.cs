using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Kuril.Bot.Commands.Subcommands;
using Kuril.Bot.Conversations;
using Kuril.Bot.Hosting;
using Kuril.Bot.Json;
using Kuril.Bot.Replies;
using Microsoft.Extensions.DependencyInjection;

namespace Kuril.Bot.Cli;

/// <summary><c>stats [--json] [--days N]</c>: the curators' stats of <c>/kuril stats</c>, from the bot's database.</summary>
internal static class StatsCommandLine
{
    public static Command Create(string[] overrides)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var days = new Option<int>("--days") { Description = "The period, in days up to now.", DefaultValueFactory = _ => StatsReader.DefaultDays };
        var command = new Command("stats", "Show questions asked, the unanswered ones and the excerpts voted down, per platform.") { json, days };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var period = parse.GetValue(days);
            if (period < 1 || period > StatsReader.MaxDays)
            {
                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"--days must be from 1 to {StatsReader.MaxDays}."));
                return BotCommandLine.UsageError;
            }

            using var host = BotHost.CreateBuilder(overrides, interactive: false).Build();
            var (reader, exit) = await HostRunner.ResolveAsync(host, s => s.GetRequiredService<StatsReader>());
            if (reader is null) return exit;
            var stats = await reader.ReadAsync(period, cancellationToken);
            await Console.Out.WriteLineAsync(parse.GetValue(json)
                ? JsonSerializer.Serialize(stats, StatsJsonContext.Default.CuratorStats)
                : ConsoleReplyRenderer.Render(StatsCommand.Render(stats)));
            return 0;
        });
        return command;
    }
}
