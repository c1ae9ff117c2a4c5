using Kuril.Bot.Feedback;
using Kuril.Bot.Replies;
using Kuril.Knowledge.Aliases;
using Kuril.Knowledge.Answers;

namespace Kuril.Bot.Commands.Subcommands;

/// <summary><c>islands [name]</c>: a card per disputed island, its names in three languages and cited facts.</summary>
public sealed class IslandsCommand(IKnowledgeBase knowledge, AnswerReplyBuilder builder) : IKurilCommand
{
    /// <summary>Name, parameters and example.</summary>
    public static readonly CommandDescriptor Info = new("islands", "[name]", "a card per disputed island; any English, Japanese or Russian name works", "/kuril islands Iturup");

    /// <summary>The alias-table ids of the four disputed islands (Habomai counts as one), north to south-west.</summary>
    public static readonly IReadOnlyList<string> IslandIds = ["etorofu", "kunashiri", "shikotan", "habomai"];

    /// <inheritdoc />
    public CommandDescriptor Descriptor => Info;

    /// <inheritdoc />
    public Task<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var islands = IslandIds.Select(id => knowledge.Aliases.Groups.FirstOrDefault(g => g.Id == id)).OfType<AliasGroup>().ToList();
        if (request.Arguments.Length == 0)
        {
            var lines = islands.Select(g => g.DisplayName + ": " + string.Join(" · ", NameLines(g))).ToList();
            lines.Add("For one island's card: " + Info.Example + " (any of its names works).");
            return Task.FromResult(new Reply("The four disputed islands") { Paragraphs = lines });
        }

        var group = knowledge.Aliases.Resolve(request.Arguments);
        if (group is null || !IslandIds.Contains(group.Id, StringComparer.Ordinal))
        {
            return Task.FromResult(Reply.Message(
                "Not one of the disputed islands",
                $"“{TextLimit.Truncate(request.Arguments, 60)}” is not a name of one of the four islands. They are " + string.Join(", ", islands.Select(g => g.DisplayName)) + "; any of their English, Japanese or Russian names works, e.g. " + Info.Example + "."));
        }

        var facts = knowledge.Ask(group.DisplayName);
        var title = group.DisplayName + " (" + string.Join(" / ", NamesIn(group, Script.Japanese).Take(1).Concat(NamesIn(group, Script.Russian).Take(1))) + ")";
        return builder.BuildAsync(AnswerKind.Island, request.Platform, request.UserId, group.DisplayName, facts, title, NameLines(group), cancellationToken);
    }

    private static List<string> NameLines(AliasGroup group) =>
    [
        "English: " + string.Join(", ", NamesIn(group, Script.English)),
        "Japanese: " + string.Join(", ", NamesIn(group, Script.Japanese)),
        "Russian: " + string.Join(", ", NamesIn(group, Script.Russian)),
    ];

    private static IEnumerable<string> NamesIn(AliasGroup group, Script script) =>
        group.Names.Where(n => ScriptOf(n) == script).Distinct(StringComparer.OrdinalIgnoreCase);

    private static Script ScriptOf(string name)
    {
        if (name.Any(c => c is (>= '\u3040' and <= '\u30FF') or (>= '\u4E00' and <= '\u9FFF'))) return Script.Japanese;
        return name.Any(c => c is >= '\u0400' and <= '\u04FF') ? Script.Russian : Script.English;
    }

    private enum Script
    {
        English,
        Japanese,
        Russian,
    }
}
