using Kuril.Bot.Daily;
using Kuril.Bot.Replies;
using Kuril.Knowledge.Timeline;

namespace Kuril.Bot.Commands.Subcommands;

/// <summary>
/// <c>onthisday [MM-DD] [newest]</c>: events of that day across the years, oldest first (or newest first), each cited;
/// a day without events gets the nearest within a week. The same text as the daily post.
/// </summary>
public sealed class OnThisDayCommand(DailyPostBuilder builder, TimeProvider time) : IKurilCommand
{
    /// <summary>Name, parameters and example.</summary>
    public static readonly CommandDescriptor Info = new("onthisday", "[MM-DD] [newest]", "events of a day across the years (today by default)", "/kuril onthisday 08-18");

    private const string NewestWord = "newest";

    /// <inheritdoc />
    public CommandDescriptor Descriptor => Info;

    /// <inheritdoc />
    public Task<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var words = request.Arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        var order = TimelineOrder.OldestFirst;
        if (words.Count > 0 && words[^1].Equals(NewestWord, StringComparison.OrdinalIgnoreCase))
        {
            order = TimelineOrder.NewestFirst;
            words.RemoveAt(words.Count - 1);
        }

        Reply? reply;
        MonthDay day = default;
        string? error = null;
        if (words.Count == 0)
        {
            reply = builder.Build(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), order);
        }
        else if (words.Count == 1 && MonthDay.TryParse(words[0], out day, out error))
        {
            reply = builder.Build(day, order);
        }
        else
        {
            // MonthDay names what is wrong with a well-formed date ("February has no day 30").
            var why = error is not null && !error.Contains("expected", StringComparison.Ordinal)
                ? TextLimit.Truncate(error, 120)
                : $"“{TextLimit.Truncate(request.Arguments, 40)}” is not a month and day.";
            return Task.FromResult(Reply.Message(
                "That's not a day",
                $"{why} Use MM-DD, e.g. {Info.Example}, or no date for today; add “newest” for the latest year first."));
        }

        return Task.FromResult(reply ?? Reply.Message("On this day", DailyPostBuilder.Unavailable));
    }
}
