using System.Text.Json.Nodes;

namespace Kuril.Bot.Discord;

/// <summary>
/// The <c>/kuril</c> slash command as Discord registers it: one subcommand per handler, with typed options, in the
/// order their values are joined into the command's argument text.
/// </summary>
internal static class DiscordCommandDefinition
{
    public const string Name = "kuril";
    private const int SubCommand = 1;
    private const int StringOption = 3;

    /// <summary>Each subcommand's options in argument order: (name, description, required, autocomplete); a subcommand not listed has none.</summary>
    public static readonly IReadOnlyDictionary<string, (string Name, string Description, bool Required, bool Autocomplete)[]> Options =
        new Dictionary<string, (string, string, bool, bool)[]>(StringComparer.Ordinal)
        {
            ["ask"] = [("question", "Your question about the dispute", true, false)],
            ["followup"] = [("question", "A question following on from your last one, e.g. How did he die?", true, false)],
            ["onthisday"] = [("date", "A day as MM-DD; today when empty", false, true)],
            ["timeline"] = [("period", "A year (1945) or a range (1945-1956); add page N for more", false, false)],
            ["islands"] = [("name", "An island, by any of its names", false, true)],
            ["positions"] = [("topic", "Narrow the positions to a topic", false, false)],
            ["sources"] = [],
            ["source"] = [("id", "A document id from /kuril sources", true, false)],
            ["subscribe"] = [("time", "Local time of the daily post, HH:MM (default 09:00)", false, false), ("zone", "IANA time zone, e.g. Asia/Tokyo (default UTC)", false, true)],
            ["unsubscribe"] = [],
            ["subscription"] = [],
            ["preview"] = [("date", "A day as MM-DD; today when empty", false, false)],
            ["stats"] = [("days", "The period in days (default 30)", false, false)],
            ["help"] = [],
        };

    /// <summary>The subcommands that change a channel's subscription.</summary>
    public static readonly IReadOnlySet<string> SubscriptionCommands = new HashSet<string>(StringComparer.Ordinal) { "subscribe", "unsubscribe", "subscription" };

    /// <summary>The registration payload for a bulk overwrite.</summary>
    public static JsonArray Build(IEnumerable<Commands.CommandDescriptor> descriptors)
    {
        var subcommands = new JsonArray();
        foreach (var descriptor in descriptors)
        {
            var optionArray = new JsonArray();
            foreach (var (name, description, required, autocomplete) in Options.GetValueOrDefault(descriptor.Name, []))
            {
                var option = new JsonObject { ["type"] = StringOption, ["name"] = name, ["description"] = description, ["required"] = required };
                if (autocomplete) option["autocomplete"] = true;
                if (name == "question") option["max_length"] = 500;
                optionArray.Add(option);
            }

            subcommands.Add(new JsonObject
            {
                ["type"] = SubCommand,
                ["name"] = descriptor.Name,
                ["description"] = Replies.TextLimit.Truncate(descriptor.Summary, 100),
                ["options"] = optionArray,
            });
        }

        return
        [
            new JsonObject
            {
                ["name"] = Name,
                ["type"] = 1,
                ["description"] = "Questions and daily history posts about the Kuril Islands / Northern Territories dispute",
                ["options"] = subcommands,
                ["contexts"] = new JsonArray(0, 1, 2),
            },
        ];
    }
}
