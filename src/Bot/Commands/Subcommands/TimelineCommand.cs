using System.Globalization;
using System.Text.RegularExpressions;
using Kuril.Bot.Daily;
using Kuril.Bot.Replies;

namespace Kuril.Bot.Commands.Subcommands;

/// <summary>
/// <c>timeline [year | from-to] [page N]</c>: events in order, each cited, <see cref="PageSize"/> to a page; the
/// reply names the command for the next page.
/// </summary>
public sealed partial class TimelineCommand(TimelineCache timeline) : IKurilCommand
{
    /// <summary>Name, parameters and example.</summary>
    public static readonly CommandDescriptor Info = new("timeline", "[year | from-to] [page N]", "events in order, for a year or a range of years", "/kuril timeline 1945-1956");

    /// <summary>Events on one page.</summary>
    public const int PageSize = 8;

    /// <summary>Earliest year accepted.</summary>
    public const int FirstYear = 1000;

    /// <summary>Latest year accepted.</summary>
    public const int LastYear = 2100;

    /// <inheritdoc />
    public CommandDescriptor Descriptor => Info;

    /// <inheritdoc />
    public Task<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var arguments = request.Arguments.Trim();
        var page = 1;
        if (PagePattern().Match(arguments) is { Success: true } pageMatch)
        {
            if (!int.TryParse(pageMatch.Groups["page"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1)
            {
                return Task.FromResult(Reply.Message("That's not a page", "Pages are numbered from 1, e.g. /kuril timeline 1945-1956 page 2."));
            }

            arguments = arguments[..pageMatch.Index].Trim();
        }

        if (!TryParseRange(arguments, out var from, out var to))
        {
            return Task.FromResult(Reply.Message(
                "That's not a year or a range",
                string.Create(CultureInfo.InvariantCulture, $"Use a year (e.g. /kuril timeline 1945) or a range from-to (e.g. {Info.Example}), years {FirstYear}–{LastYear}, from not after to; or nothing for the whole timeline.")));
        }

        var range = (from, to) switch
        {
            (null, _) => "the whole timeline",
            var (f, t) when f == t => string.Create(CultureInfo.InvariantCulture, $"{f}"),
            var (f, t) => string.Create(CultureInfo.InvariantCulture, $"{f}–{t}"),
        };
        if (timeline.Current is not { } loaded) return Task.FromResult(Reply.Message("Timeline: " + range, DailyPostBuilder.Unavailable));
        var events = from is null ? loaded.All : loaded.Range(from.Value, to!.Value);
        if (events.Count == 0) return Task.FromResult(Reply.Message("Timeline: " + range, "The timeline has no events in " + range + "."));
        var pages = (events.Count + PageSize - 1) / PageSize;
        if (page > pages)
        {
            return Task.FromResult(Reply.Message("Timeline: " + range, string.Create(CultureInfo.InvariantCulture, $"There are only {pages} pages for {range}.")));
        }

        var shown = events.Skip((page - 1) * PageSize).Take(PageSize);
        var next = page < pages
            ? string.Create(CultureInfo.InvariantCulture, $"Page {page} of {pages} ({events.Count} events). Next: /kuril timeline {(arguments.Length > 0 ? arguments + " " : string.Empty)}page {page + 1}")
            : string.Create(CultureInfo.InvariantCulture, $"Page {page} of {pages} ({events.Count} events).");
        return Task.FromResult(new Reply("Timeline: " + range)
        {
            Excerpts = shown.Select((e, i) => new ReplyExcerpt(((page - 1) * PageSize) + i + 1, e.Text, DailyPostBuilder.Cite(e), e.DateText)).ToList(),
            Paragraphs = [next],
        });
    }

    /// <summary>Reads nothing (the whole timeline), a year, or <c>from-to</c>.</summary>
    public static bool TryParseRange(string text, out int? from, out int? to)
    {
        from = to = null;
        if (text.Trim().Length == 0) return true;
        var match = RangePattern().Match(text.Trim());
        if (!match.Success) return false;
        var first = int.Parse(match.Groups["from"].Value, CultureInfo.InvariantCulture);
        var last = match.Groups["to"].Success ? int.Parse(match.Groups["to"].Value, CultureInfo.InvariantCulture) : first;
        if (first < FirstYear || last > LastYear || first > last) return false;
        (from, to) = (first, last);
        return true;
    }

    [GeneratedRegex(@"\s*\bpage\s*(?<page>\d{1,6})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 200)]
    private static partial Regex PagePattern();

    [GeneratedRegex(@"^(?<from>\d{4})(\s*[-–]\s*(?<to>\d{4}))?$", RegexOptions.CultureInvariant, 200)]
    private static partial Regex RangePattern();
}
