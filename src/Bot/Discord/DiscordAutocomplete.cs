using System.Globalization;
using System.Text.Json;
using Kuril.Bot.Commands.Subcommands;
using Kuril.Knowledge.Answers;

namespace Kuril.Bot.Discord;

/// <summary>
/// Suggestions while a user types an option: island names (every name in the alias table), IANA time zones, and
/// dates as MM-DD. At most 25, as Discord allows.
/// </summary>
internal sealed class DiscordAutocomplete(IKnowledgeBase knowledge, TimeProvider time)
{
    private const int ResultType = 8;
    private static readonly Lazy<IReadOnlyList<string>> Zones = new(() =>
        TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal) || id == "UTC").Order(StringComparer.Ordinal).ToList());

    public AutocompleteResponse Respond(JsonElement interaction)
    {
        var sub = DiscordInteractionHandler.Property(DiscordInteractionHandler.Property(interaction, "data"), "options");
        var subcommand = sub.ValueKind == JsonValueKind.Array && sub.GetArrayLength() > 0 ? sub[0] : default;
        var options = DiscordInteractionHandler.Property(subcommand, "options");
        var focused = options.ValueKind == JsonValueKind.Array
            ? options.EnumerateArray().FirstOrDefault(o => DiscordInteractionHandler.Property(o, "focused").ValueKind == JsonValueKind.True)
            : default;
        var typed = DiscordInteractionHandler.String(focused, "value").Trim();
        IEnumerable<string> choices = (DiscordInteractionHandler.String(subcommand, "name"), DiscordInteractionHandler.String(focused, "name")) switch
        {
            ("islands", "name") => Islands(typed),
            ("subscribe", "zone") => Zones.Value.Where(z => z.Contains(typed, StringComparison.OrdinalIgnoreCase)),
            ("onthisday", "date") => Dates(typed),
            _ => [],
        };
        var list = choices.Take(AutocompleteResponse.MaxChoices).Select(c => new AutocompleteChoice(Truncate(c), Truncate(c))).ToList();
        return new AutocompleteResponse(ResultType, new AutocompleteChoices(list));
    }

    private IEnumerable<string> Islands(string typed)
    {
        var names = IslandsCommand.IslandIds
            .Select(id => knowledge.Aliases.Groups.FirstOrDefault(g => g.Id == id))
            .OfType<Knowledge.Aliases.AliasGroup>()
            .SelectMany(g => g.Names)
            .Distinct(StringComparer.Ordinal);
        return names.Where(n => n.Contains(typed, StringComparison.OrdinalIgnoreCase));
    }

    // Today and the days after it first, then every day of the year matching what was typed.
    private IEnumerable<string> Dates(string typed)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var year = Enumerable.Range(0, 366).Select(i => today.AddDays(i).ToString("MM-dd", CultureInfo.InvariantCulture));
        return year.Distinct(StringComparer.Ordinal).Where(d => d.StartsWith(typed, StringComparison.Ordinal));
    }

    private static string Truncate(string value) => value.Length <= 100 ? value : value[..100];
}
