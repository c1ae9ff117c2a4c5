using System.Globalization;
using Kuril.Bot.Replies;

namespace Kuril.Bot.Commands.Subcommands;

/// <summary>
/// <c>onthisday [MM-DD]</c>: events of that day across the years. The timeline arrives with the on-this-day
/// issue; until then the date is validated and the reply says the timeline is not loaded.
/// </summary>
public sealed class OnThisDayCommand(TimeProvider time) : IKurilCommand
{
    /// <summary>Name, parameters and example.</summary>
    public static readonly CommandDescriptor Info = new("onthisday", "[MM-DD]", "events of a day across the years (today by default)", "/kuril onthisday 08-18");

    /// <inheritdoc />
    public CommandDescriptor Descriptor => Info;

    /// <inheritdoc />
    public Task<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        DateOnly day;
        if (request.Arguments.Length == 0)
        {
            day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        }
        else if (!TryParseMonthDay(request.Arguments, out day))
        {
            return Task.FromResult(Reply.Message(
                "That's not a day",
                $"“{TextLimit.Truncate(request.Arguments, 40)}” is not a month and day. Use MM-DD, e.g. {Info.Example}, or no date for today."));
        }

        var text = day.ToString("MM-dd", CultureInfo.InvariantCulture);
        return Task.FromResult(Reply.Message(
            "On this day: " + text,
            "The timeline of events isn't loaded yet, so I have no events for " + text + " to show. It arrives with the on-this-day feature."));
    }

    /// <summary>Reads <c>MM-DD</c>; any day that exists in some year (so 02-29 is accepted).</summary>
    public static bool TryParseMonthDay(string text, out DateOnly day) =>
        DateOnly.TryParseExact("2000-" + text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
