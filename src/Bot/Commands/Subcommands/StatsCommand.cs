using System.Globalization;
using Kuril.Bot.Conversations;
using Kuril.Bot.Replies;

namespace Kuril.Bot.Commands.Subcommands;

/// <summary>
/// <c>stats [days]</c>, for channel admins: per platform, questions asked, the answered and abstained shares, the
/// unanswered questions asked most (the documents to add) and the excerpts voted down most.
/// </summary>
public sealed class StatsCommand(StatsReader stats) : IKurilCommand
{
    /// <summary>Name, parameters and example.</summary>
    public static readonly CommandDescriptor Info = new("stats", "[days]", "for curators: questions asked, unanswered and voted down (admins)", "/kuril stats 7");

    /// <inheritdoc />
    public CommandDescriptor Descriptor => Info;

    /// <inheritdoc />
    public async Task<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.IsAdmin) return Reply.Message("Admins only", "Only someone who can manage this channel can see the bot's stats.");
        var days = StatsReader.DefaultDays;
        if (request.Arguments.Length > 0 && (!int.TryParse(request.Arguments, NumberStyles.None, CultureInfo.InvariantCulture, out days) || days < 1 || days > StatsReader.MaxDays))
        {
            return Reply.Message("I can't read that period", string.Create(CultureInfo.InvariantCulture, $"Give a number of days from 1 to {StatsReader.MaxDays}, e.g. {Info.Example}."));
        }

        return Render(await stats.ReadAsync(days, cancellationToken)) with { ForRequesterOnly = true };
    }

    /// <summary>The stats as a reply: a few paragraphs per platform, the voted-down excerpts quoted.</summary>
    public static Reply Render(CuratorStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        var paragraphs = new List<string>();
        var excerpts = new List<ReplyExcerpt>();
        if (stats.Platforms.Count == 0)
        {
            paragraphs.Add(string.Create(CultureInfo.InvariantCulture, $"No questions or votes in the last {Days(stats.Days)} (older ones are pruned after Storage:RetainDays)."));
        }

        foreach (var platform in stats.Platforms)
        {
            paragraphs.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{platform.Platform}: {Count(platform.Asked, "question")}, {platform.Answered} answered ({Percent(platform.AnsweredShare)}), {platform.Abstained} abstained ({Percent(platform.AbstainedShare)})."));
            paragraphs.Add(platform.Unanswered.Count == 0
                ? "Unanswered: none."
                : "Unanswered most: " + string.Join("; ", platform.Unanswered.Select(q => string.Create(CultureInfo.InvariantCulture, $"“{TextLimit.Truncate(q.Question, 120)}” ×{q.Count}"))) + ".");
            if (platform.VotedDown.Count == 0)
            {
                paragraphs.Add("Voted down: none.");
                continue;
            }

            var first = excerpts.Count + 1;
            foreach (var excerpt in platform.VotedDown)
            {
                var citation = string.Create(CultureInfo.InvariantCulture, $"{excerpt.DocumentId}, passage {excerpt.Passage + 1}: {Count(excerpt.Votes, "“Not helpful” vote")} on {platform.Platform}");
                excerpts.Add(new ReplyExcerpt(excerpts.Count + 1, TextLimit.Truncate(excerpt.Text ?? "(no longer in the corpus)", 300), citation));
            }

            paragraphs.Add(string.Create(CultureInfo.InvariantCulture, $"Voted down most: excerpts [{first}]–[{excerpts.Count}] below."));
        }

        return new Reply(string.Create(CultureInfo.InvariantCulture, $"Stats of the last {Days(stats.Days)}"))
        {
            Paragraphs = paragraphs,
            Excerpts = excerpts,
        };
    }

    private static string Percent(double share) => string.Create(CultureInfo.InvariantCulture, $"{Math.Round(share * 100):0}%");

    private static string Days(int days) => days == 1 ? "day" : string.Create(CultureInfo.InvariantCulture, $"{days} days");

    private static string Count(int n, string thing) => string.Create(CultureInfo.InvariantCulture, $"{n} {thing}{(n == 1 ? string.Empty : "s")}");
}
