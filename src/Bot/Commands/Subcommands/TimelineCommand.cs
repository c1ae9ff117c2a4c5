using System.Globalization;
using System.Text.RegularExpressions;
using Kuril.Bot.Replies;

namespace Kuril.Bot.Commands.Subcommands;

/// <summary>
/// <c>timeline [year | from-to]</c>: events in order, paged. The timeline arrives with the on-this-day issue;
/// until then the range is validated and the reply says the timeline is not loaded.
/// </summary>
public sealed partial class TimelineCommand : IKurilCommand
{
    /// <summary>Name, parameters and example.</summary>
    public static readonly CommandDescriptor Info = new("timeline", "[year | from-to]", "events in order, for a year or a range of years", "/kuril timeline 1945-1956");

    /// <summary>Earliest year accepted.</summary>
    public const int FirstYear = 1000;

    /// <summary>Latest year accepted.</summary>
    public const int LastYear = 2100;

    /// <inheritdoc />
    public CommandDescriptor Descriptor => Info;

    /// <inheritdoc />
    public Task<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (!TryParseRange(request.Arguments, out var from, out var to))
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
        return Task.FromResult(Reply.Message("Timeline: " + range, "The timeline of events isn't loaded yet, so there is nothing to show for " + range + ". It arrives with the on-this-day feature."));
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

    [GeneratedRegex(@"^(?<from>\d{4})(\s*[-–]\s*(?<to>\d{4}))?$", RegexOptions.CultureInvariant, 200)]
    private static partial Regex RangePattern();
}
