using Kuril.Bot.Daily;
using Kuril.Bot.Replies;
using Kuril.Knowledge.Timeline;

namespace Kuril.Bot.Commands.Subcommands;

/// <summary><c>preview [MM-DD]</c>: exactly what the daily post of a day looks like (today, UTC, by default).</summary>
public sealed class PreviewCommand(DailyPostBuilder builder, TimeProvider time) : IKurilCommand
{
    /// <summary>Name, parameters and example.</summary>
    public static readonly CommandDescriptor Info = new("preview", "[MM-DD]", "what the daily post of a day looks like (today by default)", "/kuril preview 08-18");

    /// <inheritdoc />
    public CommandDescriptor Descriptor => Info;

    /// <inheritdoc />
    public Task<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        Reply? post;
        if (request.Arguments.Length == 0)
        {
            post = builder.Build(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        }
        else if (!MonthDay.TryParse(request.Arguments, out var day, out var error))
        {
            return Task.FromResult(Reply.Message("That's not a day", TextLimit.Truncate(error!, 200), "Use MM-DD, e.g. " + Info.Example + ", or no date for today."));
        }
        else
        {
            // A post is always for a real date; for a bare MM-DD, the next time that day comes round.
            post = builder.Build(NextOccurrence(day, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)));
        }

        return Task.FromResult(post ?? Reply.Message("Preview", DailyPostBuilder.Unavailable));
    }

    /// <summary>The first date on or after <paramref name="from"/> that falls on the calendar day.</summary>
    public static DateOnly NextOccurrence(MonthDay day, DateOnly from)
    {
        for (var year = from.Year; ; year++)
        {
            if (day.InYear(year) is { } date && date >= from) return date;
        }
    }
}
