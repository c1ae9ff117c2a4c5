using System.Globalization;
using Kuril.Bot.Commands;
using Kuril.Bot.Feedback;
using Kuril.Bot.Storage;
using Kuril.Knowledge.Answers;

namespace Kuril.Bot.Conversations;

/// <summary>
/// Reads curators' stats from the recorded questions and the feedback votes. Only counts and normalised question
/// texts leave the database, never a user's id, keyed or not. Both tables are pruned after <c>Storage:RetainDays</c>,
/// so a longer period shows only what is still kept.
/// </summary>
public sealed class StatsReader(BotDatabase database, IKnowledgeBase knowledge, TimeProvider time)
{
    /// <summary>The default period, in days.</summary>
    public const int DefaultDays = 30;

    /// <summary>The longest period accepted, in days.</summary>
    public const int MaxDays = 3650;

    /// <summary>Unanswered questions and voted-down excerpts listed per platform.</summary>
    public const int ListLength = 10;

    /// <summary>The stats of the last <paramref name="days"/> days.</summary>
    public async Task<CuratorStats> ReadAsync(int days, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays);
        var since = time.GetUtcNow() - TimeSpan.FromDays(days);
        var counts = new Dictionary<Platform, (int Asked, int Abstained)>();
        var unanswered = new Dictionary<Platform, List<CountedQuestion>>();
        var votedDown = new Dictionary<Platform, Dictionary<ExcerptKey, int>>();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var command = connection.CreateCommand(
            "SELECT platform, COUNT(*), SUM(CASE WHEN abstained THEN 1 ELSE 0 END) FROM questions WHERE asked_at >= @since GROUP BY platform")
            .With("@since", database.Instant(since)))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (Enum.TryParse<Platform>(reader.GetString(0), out var platform)) counts[platform] = (Int(reader.GetValue(1)), Int(reader.GetValue(2)));
            }
        }

        await using (var command = connection.CreateCommand(
            """
            SELECT platform, normalised, COUNT(*) AS asked FROM questions WHERE abstained AND asked_at >= @since
            GROUP BY platform, normalised ORDER BY asked DESC, normalised
            """)
            .With("@since", database.Instant(since)))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (!Enum.TryParse<Platform>(reader.GetString(0), out var platform)) continue;
                var list = unanswered.TryGetValue(platform, out var found) ? found : unanswered[platform] = [];
                if (list.Count < ListLength) list.Add(new CountedQuestion(reader.GetString(1), Int(reader.GetValue(2))));
            }
        }

        // A vote keeps its answer's excerpts as one string; they are counted here rather than in SQL both providers share.
        await using (var command = connection.CreateCommand("SELECT platform, excerpts FROM votes WHERE verdict = @verdict AND voted_at >= @since")
            .With("@verdict", nameof(VoteVerdict.NotHelpful))
            .With("@since", database.Instant(since)))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (!Enum.TryParse<Platform>(reader.GetString(0), out var platform)) continue;
                var tally = votedDown.TryGetValue(platform, out var found) ? found : votedDown[platform] = [];
                foreach (var key in ExcerptKey.Split(reader.GetString(1))) tally[key] = tally.GetValueOrDefault(key) + 1;
            }
        }

        var platforms = counts.Keys.Concat(votedDown.Keys).Distinct().Order().Select(platform =>
        {
            var (asked, abstained) = counts.GetValueOrDefault(platform);
            var down = votedDown.GetValueOrDefault(platform) ?? [];
            var excerpts = down.OrderByDescending(p => p.Value).ThenBy(p => p.Key.ToString(), StringComparer.Ordinal).Take(ListLength)
                .Select(p => new VotedDownExcerpt(p.Key.DocumentId, p.Key.Ordinal, p.Value, knowledge.GetContext(p.Key.DocumentId, p.Key.Ordinal, 0)?.Passages[0].Text))
                .ToList();
            return new PlatformStats(platform, asked, asked - abstained, abstained, unanswered.GetValueOrDefault(platform) ?? [], excerpts);
        }).ToList();
        return new CuratorStats(days, since, platforms);
    }

    // SQLite's integer, PostgreSQL's bigint; SUM over no rows is null.
    private static int Int(object value) => value is DBNull ? 0 : Convert.ToInt32(value, CultureInfo.InvariantCulture);
}
