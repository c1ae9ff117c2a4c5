using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Kuril.Bot.Hosting;
using Kuril.Bot.Json;
using Kuril.Knowledge.Hosting;
using Kuril.Knowledge.Timeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Cli;

/// <summary>
/// <c>onthisday [--json] [--newest-first] [MM-DD]</c>: the timeline's events on a calendar day across the years, each
/// with its citation; on a day without events, the nearest ones within a week. Without a date, today (UTC).
/// </summary>
internal static class OnThisDayCommandLine
{
    public static Command Create(string[] overrides)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var newestFirst = new Option<bool>("--newest-first") { Description = "List the latest year first." };
        var date = new Argument<string?>("date") { Description = "The day as MM-DD, e.g. 08-18; today (UTC) when left out.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("onthisday", "List the timeline's events on a day of the year, with their sources.") { json, newestFirst, date };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var text = parse.GetValue(date);
            var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
            MonthDay day;
            if (text is null)
            {
                day = MonthDay.From(today);
            }
            else if (!MonthDay.TryParse(text, out day, out var error))
            {
                await Console.Error.WriteLineAsync(error);
                return BotCommandLine.UsageError;
            }

            using var host = BotHost.CreateBuilder(overrides, interactive: false).Build();
            var (options, exit) = await HostRunner.ResolveAsync(host, s => s.GetRequiredService<IOptions<KnowledgeOptions>>().Value);
            if (options is null) return exit;

            Timeline timeline;
            try
            {
                timeline = Timeline.Load(options.CorpusPath);
            }
            catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"Cannot read the timeline: {e.Message}");
                return BotCommandLine.UsageError;
            }

            var order = parse.GetValue(newestFirst) ? TimelineOrder.NewestFirst : TimelineOrder.OldestFirst;
            var events = timeline.OnThisDay(day, order);
            // Only a day without events needs neighbours, so that a post is never empty. Without a date the real
            // calendar of this year applies; a bare MM-DD is counted as in a leap year, so 02-29 has neighbours.
            IReadOnlyList<NearbyEvent> nearest = events.Count > 0 ? []
                : text is null ? timeline.Nearest(today) : timeline.Nearest(day.Month, day.Day);

            if (parse.GetValue(json))
            {
                var shape = new OnThisDayJson(day.ToString(), events.Select(TimelineEventJson.From).ToList(), nearest.Select(NearbyEventJson.From).ToList());
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(shape, TimelineJsonContext.Default.OnThisDayJson));
            }
            else
            {
                await Console.Out.WriteLineAsync(Render(day, events, nearest));
            }

            return 0;
        });
        return command;
    }

    /// <summary>The plain text: a heading, then one line per event with its citation.</summary>
    internal static string Render(MonthDay day, IReadOnlyList<TimelineEvent> events, IReadOnlyList<NearbyEvent> nearest)
    {
        var c = CultureInfo.InvariantCulture;
        var name = $"{day.Day.ToString(c)} {c.DateTimeFormat.GetMonthName(day.Month)}";
        var lines = new List<string>();
        if (events.Count > 0)
        {
            lines.Add($"On this day, {name}:");
            lines.AddRange(events.Select(e => $"{e.Year.ToString(c)}: {e.Text} {Cite(e)}"));
        }
        else if (nearest.Count > 0)
        {
            lines.Add($"No events in the timeline on {name}. The nearest within a week:");
            lines.AddRange(nearest.Select(n => $"{n.Distance}, in {n.Event.Year.ToString(c)} ({n.Event.DateText}): {n.Event.Text} {Cite(n.Event)}"));
        }
        else
        {
            lines.Add($"No events in the timeline on {name}, nor within a week of it.");
        }

        return string.Join(Environment.NewLine, lines);
    }

    private static string Cite(TimelineEvent e) => $"[{string.Join("; ", e.Sources)}]";
}
